package rol.k8s.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rendered object against its schema: core Kubernetes objects through client-java's model, whose strict loader
 * rejects unknown fields and wrong types; the operators' resources against the OpenAPI schema of their CRD (kept in
 * src/test/resources/crds with source and version in the README there), with unknown fields made errors as the API
 * server's strict field validation does.
 */
final class SchemaCheck {

    /** The CRD files in src/test/resources/crds. */
    private static final List<String> CRDS = List.of(
            "strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml", "strimzi-044-Crd-kafkauser.yaml",
            "strimzi-045-Crd-kafkanodepool.yaml", "cnpg-clusters.yaml", "cnpg-databases.yaml",
            "cnpg-scheduledbackups.yaml", "keycloak-keycloaks.yaml", "keycloak-keycloakrealmimports.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonSchema> schemas;

    private SchemaCheck() {
    }

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : manifests.objects()) {
            String apiVersion = String.valueOf(object.get("apiVersion"));
            String where = object.get("kind") + " " + Manifests.name(object) + ": ";
            if (isCore(apiVersion)) {
                try {
                    io.kubernetes.client.util.Yaml.load(dump(object));
                } catch (Exception e) {
                    problems.add(where + "does not match the Kubernetes schema: " + e.getMessage());
                }
                continue;
            }
            JsonSchema schema = crdSchemas().get(apiVersion + "/" + object.get("kind"));
            if (schema == null) {
                problems.add(where + "no schema known for " + apiVersion);
                continue;
            }
            for (ValidationMessage message : schema.validate(JSON.valueToTree(object))) {
                problems.add(where + "does not match its CRD: " + message.getMessage());
            }
        }
        return problems;
    }

    /** The API groups of Kubernetes itself: none (core), a dotless name (apps, policy) or one under k8s.io. */
    private static boolean isCore(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static String dump(Map<String, Object> object) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(object);
    }

    private static synchronized Map<String, JsonSchema> crdSchemas() {
        if (schemas == null) {
            Map<String, JsonSchema> loaded = new HashMap<>();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
            for (String file : CRDS) {
                Map<String, Object> crd = load("crds/" + file);
                String group = (String) Manifests.at(crd, "spec", "group");
                String kind = (String) Manifests.at(crd, "spec", "names", "kind");
                for (Map<String, Object> version : Manifests.list(crd, "spec", "versions")) {
                    ObjectNode schema = JSON.valueToTree(Manifests.at(version, "schema", "openAPIV3Schema"));
                    // the API server checks these itself; not every CRD's schema lists them
                    ObjectNode root = schema.withObject("/properties");
                    root.putIfAbsent("apiVersion", JSON.createObjectNode().put("type", "string"));
                    root.putIfAbsent("kind", JSON.createObjectNode().put("type", "string"));
                    root.putIfAbsent("metadata", JSON.createObjectNode().put("type", "object"));
                    closeObjects(schema);
                    loaded.put(group + "/" + version.get("name") + "/" + kind, factory.getSchema(schema));
                }
            }
            schemas = loaded;
        }
        return schemas;
    }

    /**
     * An object schema that lists its properties and neither allows others nor keeps unknown fields gets
     * additionalProperties false: the API server would prune a misspelt field silently, the check names it.
     */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
        }
        node.forEach(SchemaCheck::closeObjects);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            // Strimzi's schemas nest deeper than SnakeYAML's default allows
            options.setNestingDepthLimit(200);
            return new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
