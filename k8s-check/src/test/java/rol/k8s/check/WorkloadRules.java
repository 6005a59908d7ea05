package rol.k8s.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static rol.k8s.check.Manifests.at;
import static rol.k8s.check.Manifests.list;
import static rol.k8s.check.Manifests.map;
import static rol.k8s.check.Manifests.name;

/**
 * The rules for every service's workload: resources, probes from SmallRye Health, a locked-down container, and
 * beside each Deployment its Service, ServiceAccount, HPA, PDB and NetworkPolicy; the environment the code needs.
 */
final class WorkloadRules {

    private static final String PART_OF = "app.kubernetes.io/part-of";
    private static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");

    private WorkloadRules() {
    }

    static List<String> problems(Manifests m) {
        List<String> problems = new ArrayList<>();
        m.ofKind("Secret").forEach(s -> problems.add("Secret " + name(s) + ": secret values are never committed"));
        if (m.ofKind("NetworkPolicy").noneMatch(WorkloadRules::isDefaultDeny)) {
            problems.add("no default-deny NetworkPolicy for the pods labelled " + PART_OF);
        }
        m.ofKind("Deployment").forEach(d -> deployment(m, d, problems));
        for (String service : CodeFacts.services()) {
            m.find("Deployment", service).ifPresentOrElse(d -> environment(m, d, CodeFacts.of(service), problems),
                    () -> problems.add("service " + service + " has no Deployment"));
        }
        return problems;
    }

    private static boolean isDefaultDeny(Map<String, Object> policy) {
        List<?> types = (List<?>) at(policy, "spec", "policyTypes");
        return map(policy, "spec", "podSelector", "matchLabels").containsKey(PART_OF)
                && types != null && types.containsAll(List.of("Ingress", "Egress"))
                && at(policy, "spec", "ingress") == null && at(policy, "spec", "egress") == null;
    }

    private static void deployment(Manifests m, Map<String, Object> d, List<String> problems) {
        String name = name(d);
        String where = "Deployment " + name + ": ";
        Map<String, Object> pod = map(d, "spec", "template", "spec");
        Map<String, Object> labels = map(d, "spec", "template", "metadata", "labels");
        int minReplicas = m.isProd() ? 2 : 1;
        if (!(at(d, "spec", "replicas") instanceof Integer r) || r < minReplicas) {
            problems.add(where + "needs at least " + minReplicas + " replicas");
        }
        if (!labels.containsKey(PART_OF)) {
            problems.add(where + "pods lack the label " + PART_OF + " the default-deny policy selects");
        }
        if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
            problems.add(where + "mounts a service account token");
        }
        String account = String.valueOf(pod.get("serviceAccountName"));
        if (m.find("ServiceAccount", account).map(a -> a.get("automountServiceAccountToken"))
                .filter(Boolean.FALSE::equals).isEmpty()) {
            problems.add(where + "needs its own ServiceAccount with automountServiceAccountToken false");
        }
        Set<String> emptyDirs = new HashSet<>();
        list(pod, "volumes").stream().filter(v -> v.containsKey("emptyDir")).forEach(v -> emptyDirs.add(String.valueOf(v.get("name"))));
        for (Map<String, Object> c : list(pod, "containers")) {
            container(where + "container " + c.get("name") + " ", pod, c, emptyDirs, problems);
        }
        neighbours(m, name, labels, problems);
    }

    private static void container(String where, Map<String, Object> pod, Map<String, Object> c, Set<String> emptyDirs,
                                  List<String> problems) {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (at(c, "resources", kind, resource) == null) {
                    problems.add(where + "has no " + resource + " " + kind);
                }
            }
        }
        PROBES.forEach((probe, path) -> {
            if (!path.equals(at(c, probe, "httpGet", "path"))) {
                problems.add(where + "needs a " + probe + " on " + path);
            }
        });
        Map<String, Object> sc = map(c, "securityContext");
        Map<String, Object> podSc = map(pod, "securityContext");
        if (!Boolean.TRUE.equals(sc.getOrDefault("runAsNonRoot", podSc.get("runAsNonRoot")))) {
            problems.add(where + "must set runAsNonRoot");
        }
        if (!Boolean.TRUE.equals(sc.get("readOnlyRootFilesystem"))) {
            problems.add(where + "must set readOnlyRootFilesystem");
        }
        if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
            problems.add(where + "must set allowPrivilegeEscalation false");
        }
        if (!(at(sc, "capabilities", "drop") instanceof List<?> drop) || !drop.contains("ALL")) {
            problems.add(where + "must drop ALL capabilities");
        }
        Object seccomp = Objects.requireNonNullElse(at(sc, "seccompProfile", "type"), at(podSc, "seccompProfile", "type"));
        if (!"RuntimeDefault".equals(seccomp)) {
            problems.add(where + "needs seccompProfile RuntimeDefault");
        }
        if (list(c, "volumeMounts").stream().noneMatch(v -> "/tmp".equals(v.get("mountPath"))
                && emptyDirs.contains(String.valueOf(v.get("name"))))) {
            problems.add(where + "needs a writable /tmp (an emptyDir) beside its read-only root");
        }
    }

    /** The objects each Deployment needs beside it, found by what they select or target. */
    private static void neighbours(Manifests m, String name, Map<String, Object> podLabels, List<String> problems) {
        String where = "Deployment " + name + ": ";
        if (m.ofKind("Service").noneMatch(s -> selects(map(s, "spec", "selector"), podLabels))) {
            problems.add(where + "no Service selects its pods");
        }
        if (m.ofKind("PodDisruptionBudget").noneMatch(p -> selects(map(p, "spec", "selector", "matchLabels"), podLabels))) {
            problems.add(where + "no PodDisruptionBudget covers its pods");
        }
        if (m.ofKind("NetworkPolicy").filter(p -> !map(p, "spec", "podSelector", "matchLabels").containsKey(PART_OF))
                .noneMatch(p -> selects(map(p, "spec", "podSelector", "matchLabels"), podLabels))) {
            problems.add(where + "no NetworkPolicy of its own states its allowed traffic");
        }
        int minReplicas = m.isProd() ? 2 : 1;
        if (m.ofKind("HorizontalPodAutoscaler").noneMatch(h -> name.equals(at(h, "spec", "scaleTargetRef", "name"))
                && at(h, "spec", "minReplicas") instanceof Integer min && min >= minReplicas)) {
            problems.add(where + "no HorizontalPodAutoscaler with at least " + minReplicas + " replicas");
        }
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** Every variable the code needs is set, directly or through a ConfigMap the container loads. */
    private static void environment(Manifests m, Map<String, Object> d, CodeFacts facts, List<String> problems) {
        for (Map<String, Object> c : list(d, "spec", "template", "spec", "containers")) {
            Map<String, String> env = new HashMap<>();
            for (Map<String, Object> from : list(c, "envFrom")) {
                Object configMap = at(from, "configMapRef", "name");
                if (configMap != null) {
                    Map<String, Object> cm = m.find("ConfigMap", configMap.toString()).orElse(null);
                    if (cm == null) {
                        problems.add("Deployment " + name(d) + ": loads ConfigMap " + configMap + ", which is missing");
                    } else {
                        map(cm, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
                    }
                }
            }
            list(c, "env").forEach(e -> env.put(String.valueOf(e.get("name")), String.valueOf(e.get("value"))));
            for (String required : facts.requiredEnv()) {
                if (!env.containsKey(required)) {
                    problems.add("Deployment " + name(d) + ": " + required + " is not set, and its default only "
                            + "fits the local stack");
                }
            }
            env.forEach((k, v) -> {
                if (k.endsWith("CLOCK_CONTROL_ENABLED") && !"false".equals(v)) {
                    problems.add("Deployment " + name(d) + ": " + k + " must be false in a cluster");
                }
            });
        }
    }
}
