package rol.k8s.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything wrong with one overlay of a k8s/ tree: its render, schemas, workload rules, Kafka, platform. */
final class ManifestCheck {

    private ManifestCheck() {
    }

    static List<String> problems(Path k8s, String overlay) throws IOException, InterruptedException {
        Manifests manifests;
        try {
            manifests = Manifests.render(k8s.resolve("overlays").resolve(overlay));
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>(SchemaCheck.problems(manifests));
        problems.addAll(WorkloadRules.problems(manifests));
        problems.addAll(EventRules.problems(manifests));
        problems.addAll(PlatformRules.problems(manifests));
        return problems;
    }
}
