package rol.k8s.check;

import rol.platform.event.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static rol.k8s.check.Manifests.at;
import static rol.k8s.check.Manifests.list;
import static rol.k8s.check.Manifests.map;
import static rol.k8s.check.Manifests.name;

/**
 * Kafka against the code: a KafkaTopic per topic in {@link Topics} with its partitions and settings (and, in
 * production, replication 3 and min.insync.replicas 2), three brokers and controllers in production, a TLS
 * listener with client authentication, and per service a KafkaUser allowed exactly the topics it writes and reads
 * and its consumer group.
 */
final class EventRules {

    private EventRules() {
    }

    static List<String> problems(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Topics.Spec spec : Topics.ALL) {
            Map<String, Object> topic = m.find("KafkaTopic", spec.name()).orElse(null);
            if (topic == null) {
                problems.add("topic " + spec.name() + " (rol.platform.event.Topics) has no KafkaTopic");
            } else {
                topic(m, spec, topic, problems);
            }
        }
        cluster(m, problems);
        for (String service : CodeFacts.services()) {
            CodeFacts facts = CodeFacts.of(service);
            if (facts.produces().isEmpty() && facts.consumes().isEmpty()) {
                continue;
            }
            Map<String, Object> user = m.find("KafkaUser", service).orElse(null);
            if (user == null) {
                problems.add("service " + service + " has no KafkaUser");
            } else {
                user(facts, user, problems);
            }
        }
        return problems;
    }

    private static void topic(Manifests m, Topics.Spec spec, Map<String, Object> topic, List<String> problems) {
        String where = "KafkaTopic " + spec.name() + ": ";
        if (!Objects.equals(spec.partitions(), at(topic, "spec", "partitions"))) {
            problems.add(where + "needs the " + spec.partitions() + " partitions Topics gives it");
        }
        Map<String, Object> config = map(topic, "spec", "config");
        spec.config().forEach((key, value) -> {
            if (!value.equals(String.valueOf(config.get(key)))) {
                problems.add(where + "needs " + key + "=" + value + " as in Topics");
            }
        });
        if (m.isProd() && (!Objects.equals(3, at(topic, "spec", "replicas"))
                || !Objects.equals(2, config.get("min.insync.replicas")))) {
            problems.add(where + "needs replicas 3 and min.insync.replicas 2 in production");
        }
    }

    private static void cluster(Manifests m, List<String> problems) {
        if (m.ofKind("Kafka").count() != 1) {
            problems.add("exactly one Kafka is expected");
        }
        for (String role : List.of("broker", "controller")) {
            int nodes = m.ofKind("KafkaNodePool").filter(p -> list(p, "spec", "roles").contains(role))
                    .mapToInt(p -> (Integer) at(p, "spec", "replicas")).sum();
            if (m.isProd() && nodes < 3) {
                problems.add("Kafka needs 3 " + role + " nodes in production, has " + nodes);
            }
        }
        m.ofKind("Kafka").forEach(k -> list(k, "spec", "kafka", "listeners").forEach(l -> {
            if (!Boolean.TRUE.equals(l.get("tls")) || at(l, "authentication", "type") == null) {
                problems.add("Kafka " + name(k) + ": listener " + l.get("name") + " must use TLS and authenticate");
            }
        }));
    }

    /** The user's ACLs are exactly: Describe+Write on what it writes, Describe+Read on what it reads, Read on its group. */
    private static void user(CodeFacts facts, Map<String, Object> user, List<String> problems) {
        Set<String> expected = new TreeSet<>();
        facts.produces().forEach(t -> expected.add("topic " + t + " [Describe, Write]"));
        facts.consumes().forEach(t -> expected.add("topic " + t + " [Describe, Read]"));
        if (!facts.consumes().isEmpty()) {
            expected.add("group " + facts.group() + " [Read]");
        }
        Set<String> actual = new TreeSet<>();
        for (Map<String, Object> acl : list(user, "spec", "authorization", "acls")) {
            String pattern = String.valueOf(at(acl, "resource", "patternType"));
            actual.add(at(acl, "resource", "type") + " " + at(acl, "resource", "name")
                    + ("literal".equals(pattern) ? "" : " (" + pattern + ")")
                    + " " + new TreeSet<>(list(acl, "operations")));
        }
        if (!expected.equals(actual)) {
            problems.add("KafkaUser " + facts.service() + ": ACLs " + actual + " but the code needs exactly " + expected);
        }
        if (at(user, "spec", "authentication", "type") == null) {
            problems.add("KafkaUser " + facts.service() + ": needs scram-sha-512 or tls authentication");
        }
    }
}
