package rol.k8s.check;

import org.junit.jupiter.api.Test;

import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts the check compares the manifests with are read from the code, not an empty list that passes anything. */
class CodeFactsTest {

    @Test
    void readsWhatEachServiceWritesReadsAndNeeds() {
        assertTrue(CodeFacts.services().containsAll(Set.of("report-service", "task-service", "notification-service")));
        CodeFacts task = CodeFacts.of("task-service");
        assertEquals(Set.of("task-events", "calendar-events", "department-events"), task.produces());
        assertEquals(Set.of("report-events"), task.consumes());
        assertEquals("task-service", task.group());
        assertTrue(task.requiredEnv().containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_OIDC_AUTH_SERVER_URL")), task.toString());
        CodeFacts notification = CodeFacts.of("notification-service");
        assertTrue(notification.produces().contains("rollup-events"));
        assertTrue(notification.requiredEnv().containsAll(Set.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT")));
        assertEquals(Set.of(), CodeFacts.of("report-service").consumes());
    }

    @Test
    void aLocalDefaultALoginAndAVariableWithoutDefaultAreRequired() {
        Properties config = new Properties();
        config.setProperty("quarkus.oidc.auth-server-url", "http://localhost:28180/realms/rule-of-law");
        config.setProperty("quarkus.mailer.host", "127.0.0.1");
        config.setProperty("quarkus.mailer.port", "22525");
        config.setProperty("quarkus.datasource.password", "task");
        config.setProperty("console.session-secret", "${CONSOLE_SESSION_SECRET}");
        config.setProperty("console.name", "${CONSOLE_NAME:鲤城区}");
        config.setProperty("%dev.console.relay", "http://127.0.0.1:8081");
        config.setProperty("quarkus.http.port", "8080");

        assertEquals(Set.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT",
                "QUARKUS_DATASOURCE_PASSWORD", "CONSOLE_SESSION_SECRET"), CodeFacts.requiredEnv(config));
    }
}
