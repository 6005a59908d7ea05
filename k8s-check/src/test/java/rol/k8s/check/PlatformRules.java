package rol.k8s.check;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static rol.k8s.check.Manifests.at;
import static rol.k8s.check.Manifests.list;
import static rol.k8s.check.Manifests.map;

/**
 * PostgreSQL and Keycloak: a database for each service's JDBC URL, three instances and scheduled backups in
 * production; the realm import is the local stack's realm (stack.d/keycloak/rule-of-law-realm.json), in production
 * without demo users, with the console's redirect from the configured host and the issuer the services expect.
 */
final class PlatformRules {

    static final String REALM_FILE = "stack.d/keycloak/rule-of-law-realm.json";
    /** The end-to-end suite's clients (docs/security.md): never in production. */
    private static final Set<String> TEST_CLIENTS = Set.of("rol-cli-expiring", "rol-other");

    private PlatformRules() {
    }

    static List<String> problems(Manifests m) {
        List<String> problems = new ArrayList<>();
        postgres(m, problems);
        realm(m, problems);
        return problems;
    }

    private static void postgres(Manifests m, List<String> problems) {
        Map<String, Object> cluster = m.ofKind("Cluster").findFirst().orElse(null);
        if (cluster == null) {
            problems.add("no CloudNativePG Cluster");
            return;
        }
        Set<String> databases = new TreeSet<>();
        databases.add(String.valueOf(at(cluster, "spec", "bootstrap", "initdb", "database")));
        m.ofKind("Database").forEach(d -> databases.add(String.valueOf(at(d, "spec", "name"))));
        m.ofKind("ConfigMap").forEach(cm -> {
            Object url = map(cm, "data").get("QUARKUS_DATASOURCE_JDBC_URL");
            if (url != null) {
                String database = url.toString().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
                if (!databases.contains(database)) {
                    problems.add("ConfigMap " + Manifests.name(cm) + ": database " + database + " is not created");
                }
            }
        });
        if (m.isProd()) {
            if (!Objects.equals(3, at(cluster, "spec", "instances"))) {
                problems.add("Cluster " + Manifests.name(cluster) + ": needs 3 instances in production");
            }
            if (at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath") == null
                    || m.ofKind("ScheduledBackup").noneMatch(b ->
                    Manifests.name(cluster).equals(at(b, "spec", "cluster", "name")))) {
                problems.add("Cluster " + Manifests.name(cluster) + ": needs an object store and a ScheduledBackup "
                        + "in production");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void realm(Manifests m, List<String> problems) {
        Map<String, Object> expected;
        try {
            expected = new ObjectMapper().readValue(CodeFacts.root().resolve(REALM_FILE).toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> realmImport = m.ofKind("KeycloakRealmImport").findFirst().orElse(null);
        if (realmImport == null) {
            problems.add("no KeycloakRealmImport");
            return;
        }
        Map<String, Object> actual = new HashMap<>(map(realmImport, "spec", "realm"));
        Map<String, Object> district = map(m.find("ConfigMap", "rol-district").orElse(Map.of()), "data");
        if (m.isProd()) {
            if (actual.containsKey("users")) {
                problems.add("KeycloakRealmImport: production imports no demo users");
            }
            if (list(actual, "clients").stream().anyMatch(c -> TEST_CLIENTS.contains(c.get("clientId")))) {
                problems.add("KeycloakRealmImport: production imports none of the test clients " + TEST_CLIENTS);
            }
            String console = "https://" + district.get("CONSOLE_HOST") + "/*";
            Map<String, Object> client = consoleClient(actual);
            if (!List.of(console).equals(client.get("redirectUris"))
                    || !console.equals(at(client, "attributes", "post.logout.redirect.uris"))) {
                problems.add("KeycloakRealmImport: rol-console must redirect only to " + console);
            }
            String issuer = "https://" + district.get("KEYCLOAK_HOST") + "/realms/" + expected.get("realm");
            if (!issuer.equals(district.get("QUARKUS_OIDC_TOKEN_ISSUER"))) {
                problems.add("ConfigMap rol-district: QUARKUS_OIDC_TOKEN_ISSUER must be " + issuer);
            }
            // the differences production makes on purpose; everything else must be the local stack's realm
            expected = new HashMap<>(expected);
            expected.remove("users");
            Map<String, Object> attributes = new HashMap<>(map(expected, "attributes"));
            attributes.remove("_comment");
            expected.put("attributes", attributes);
            expected.remove("sslRequired");
            actual.remove("sslRequired");
            consoleClient(expected).put("redirectUris", client.get("redirectUris"));
            ((List<Map<String, Object>>) expected.get("clients")).removeIf(c -> TEST_CLIENTS.contains(c.get("clientId")));
            ((Map<String, Object>) consoleClient(expected).get("attributes"))
                    .put("post.logout.redirect.uris", at(client, "attributes", "post.logout.redirect.uris"));
        }
        if (!expected.equals(actual)) {
            problems.add("KeycloakRealmImport differs from " + REALM_FILE
                    + ": run k8s/base/keycloak/generate-realm-import");
        }
    }

    /** The console's client, copied so that the caller may change it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> consoleClient(Map<String, Object> realm) {
        List<Map<String, Object>> clients = new ArrayList<>();
        for (Map<String, Object> c : list(realm, "clients")) {
            Map<String, Object> copy = new HashMap<>(c);
            copy.computeIfPresent("attributes", (k, v) -> new HashMap<>((Map<String, Object>) v));
            clients.add(copy);
        }
        realm.put("clients", clients);
        return clients.stream().filter(c -> "rol-console".equals(c.get("clientId"))).findFirst()
                .orElseGet(HashMap::new);
    }
}
