package rol.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.testsupport.ProblemAnswers.assertProblem;
import static rol.testsupport.ProblemAnswers.raw;

/** The shared platform wiring inside a service: readiness covers database, Kafka and events; errors are problems. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ServiceBasicsTest {

    @Test
    void readinessCoversTheDatabaseAndTheEventPlumbingAndKafkaIsReportedApart() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("Database connections health check", "events"));
        given().when().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.name", contains("kafka")).body("checks[0].status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("checks", empty());
    }

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void anUnknownAddressIsAProblemInChinese() {
        assertProblem(given().when().get("/api/no-such-thing"), 404)
                .body("title", equalTo("找不到要访问的内容"));
    }

    /** Refused before the application reads the body (platform's checks and mappers); nothing is stored. */
    @Test
    void aBodyOfAnotherTypeOrWithoutTypeOrBrokenIsAProblemInChinese() throws SQLException {
        long before = subscriptions();
        As.office();
        assertProblem(given().contentType("text/plain").body("district=licheng").post("/api/subscriptions"), 415);
        byte[] body = "{\"district\": \"licheng\"}".getBytes(StandardCharsets.UTF_8);
        String detail = raw("POST", "/api/subscriptions", body, "Content-Length: " + body.length).assertProblem(415)
                .path("detail").asText();
        assertTrue(detail.contains("application/json"), "says what to send: " + detail);
        assertProblem(given().contentType("application/json").body("{\"district\": ").post("/api/subscriptions"), 400)
                .body("type", equalTo("urn:rol:problem:malformed-json"));
        assertEquals(before, subscriptions());
    }

    private long subscriptions() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from subscription")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void theSharedOutboxAndInboxMigrationIsApplied() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select description, success from flyway_schema_history"
                     + " where description = 'outbox inbox' and version is null")) {
            assertTrue(rs.next(), "the repeatable migration from the platform jar ran");
            assertTrue(rs.getBoolean("success"));
            s.executeQuery("select position, event_id, sent_at from outbox_event limit 1").close();
            s.executeQuery("select consumer, event_id, outcome from inbox_event limit 1").close();
        }
    }
}
