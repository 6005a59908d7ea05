package rol.k8s.check;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The objects of one rendered overlay ({@code kubectl kustomize DIR}, offline), as plain YAML trees. */
public record Manifests(String overlay, List<Map<String, Object>> objects) {

    /** Renders an overlay; a render that fails (a broken patch, a missing file) is itself a failure. */
    public static Manifests render(Path overlayDir) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlayDir.toString())
                .redirectErrorStream(false).start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlayDir + " failed: " + err);
        }
        return parse(overlayDir.getFileName().toString(), out);
    }

    @SuppressWarnings("unchecked")
    static Manifests parse(String overlay, String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return new Manifests(overlay, List.copyOf(objects));
    }

    public boolean isProd() {
        return overlay.equals("prod");
    }

    public Stream<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")));
    }

    public Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    public static String name(Map<String, Object> object) {
        return Objects.toString(at(object, "metadata", "name"), null);
    }

    /** The value at a path of map keys, or null where any step is missing. */
    @SuppressWarnings("unchecked")
    public static Object at(Object tree, String... path) {
        Object here = tree;
        for (String key : path) {
            if (!(here instanceof Map)) {
                return null;
            }
            here = ((Map<String, Object>) here).get(key);
        }
        return here;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object tree, String... path) {
        Object value = at(tree, path);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object tree, String... path) {
        Object value = at(tree, path);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }
}
