package rol.k8s.check;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts the check compares the manifests with are read from the code, not an empty list that passes anything. */
class CodeFactsTest {

    @Test
    void readsWhatEachServiceWritesReadsAndNeeds() {
        assertTrue(CodeFacts.services().containsAll(Set.of("report-service", "task-service", "notification-service")));
        CodeFacts task = CodeFacts.of("task-service");
        assertEquals(Set.of("task-events"), task.produces());
        assertEquals(Set.of("report-events"), task.consumes());
        assertEquals("task-service", task.group());
        assertTrue(task.requiredEnv().containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_OIDC_AUTH_SERVER_URL")), task.toString());
        CodeFacts notification = CodeFacts.of("notification-service");
        assertTrue(notification.produces().contains("rollup-events"));
        assertTrue(notification.requiredEnv().containsAll(Set.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT")));
        assertEquals(Set.of(), CodeFacts.of("report-service").consumes());
    }
}
