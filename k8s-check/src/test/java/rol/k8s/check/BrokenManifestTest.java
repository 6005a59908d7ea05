package rol.k8s.check;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A copy of k8s/ with one deliberate mistake (the first occurrence of a text replaced) fails the check, naming it. */
class BrokenManifestTest {

    @TempDir
    Path copy;

    @ParameterizedTest(name = "{0}: ''{1}'' → ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            base/services/task-service.yaml         | readOnlyRootFilesystem: true | readOnlyRootFilesystem: false | container task-service must set readOnlyRootFilesystem
            base/services/report-service.yaml       | containerPort: 8081          | containerPorts: 8081          | Deployment report-service: does not match the Kubernetes schema
            base/services/web-console.yaml          | path: /q/health/live         | path: /q/health               | container web-console needs a livenessProbe on /q/health/live
            base/services/notification-service.yaml | KAFKA_BOOTSTRAP_SERVERS:     | KAFKA_SERVERS:                | notification-service: KAFKA_BOOTSTRAP_SERVERS is not set
            base/services/notification-service.yaml | memory: 1Gi                  | memoryy: 1Gi                  | container notification-service has no memory limits
            base/services/report-service.yaml       | automountServiceAccountToken: false | automountServiceAccountToken: true | Deployment report-service: needs its own ServiceAccount
            base/network.yaml                       | name: rol-default-deny       | name: rol-default-deny\\n  labels: {}\\nx: | NetworkPolicy rol-default-deny: does not match
            base/kafka/topics.yaml                  | name: rollup-events          | name: rollup-event            | topic rollup-events (rol.platform.event.Topics) has no KafkaTopic
            base/kafka/topics.yaml                  | partitions: 6                | partitions: six               | KafkaTopic task-events: does not match its CRD
            base/kafka/topics.yaml                  | cleanup.policy: compact      | cleanup.policy: delete        | KafkaTopic rollup-events: needs cleanup.policy=compact
            base/kafka/users.yaml                   | name: task-service\\n          patternType | name: task-servic\\n          patternType | KafkaUser task-service: ACLs
            base/kafka/users.yaml                   | - Read\\n---                 | - Read\\n          - Write\\n--- | KafkaUser task-service: ACLs
            base/kafka/kafka.yaml                   | type: scram-sha-512          | type: scram-sha-256           | Kafka rol-kafka: does not match its CRD
            base/postgres/cluster.yaml              | instances: 3                 | instance: 3                   | Cluster rol-pg: does not match its CRD
            base/postgres/cluster.yaml              | name: notification\\n  owner | name: notifications\\n  owner | database notification is not created
            overlays/prod/kustomization.yaml        | - scheduled-backup.yaml      | ''                            | needs an object store and a ScheduledBackup
            overlays/prod/realm.yaml                | - op: remove\\n  path: /spec/realm/users\\n | ''              | production imports no demo users
            overlays/prod/realm.yaml                | - op: remove\\n  path: /spec/realm/clients/4\\n | '' | production imports none of the test clients
            base/keycloak/realm-import.yaml         | "accessTokenLifespan": 300   | "accessTokenLifespan": 3600   | KeycloakRealmImport differs from stack.d/keycloak/rule-of-law-realm.json
            overlays/prod/district.env              | QUARKUS_OIDC_TOKEN_ISSUER=https://sso. | QUARKUS_OIDC_TOKEN_ISSUER=https://auth. | QUARKUS_OIDC_TOKEN_ISSUER must be
            base/keycloak/keycloak.yaml             | backchannelDynamic: true     | backchannelDynamic: yes-please | Keycloak rol-keycloak: does not match its CRD
            overlays/prod/kustomization.yaml        | - ../../base                 | - ../../bas                   | kubectl kustomize
            """)
    void aBrokenCopyFails(String file, String from, String to, String expected) throws Exception {
        copyTree(CodeFacts.root().resolve("k8s"), copy);
        Path target = copy.resolve(file);
        String text = Files.readString(target);
        String original = unescape(from);
        assertTrue(text.contains(original), file + " no longer contains " + from + ": update this test");
        // the first occurrence only: one mistake per copy
        int at = text.indexOf(original);
        Files.writeString(target, text.substring(0, at) + unescape(to) + text.substring(at + original.length()));

        List<String> problems = ManifestCheck.problems(copy, "prod");

        assertNotEquals(List.of(), problems);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), String.join("\n", problems));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path dest = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(f, dest);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
