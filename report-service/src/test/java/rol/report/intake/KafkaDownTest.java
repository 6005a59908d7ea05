package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;
import rol.testsupport.TestStack;

import javax.sql.DataSource;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kafka stopped under a running service: it stays ready and alive and takes writes, whose events wait in the outbox
 * and go out once the broker is back; only the wellness check {@code kafka} reports the outage.
 */
@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class KafkaDownTest {

    @Inject
    DataSource dataSource;

    @Test
    void whileKafkaIsDownTheServiceStaysReadyAndAliveAndItsEventsWaitInTheOutbox() throws Exception {
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", contains("kafka")).body("checks[0].status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("kafka")));

        TestStack.MODULE.down("kafka");
        String id;
        try {
            await("the kafka check reports the outage").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/q/health/well").then().statusCode(503).body("checks[0].status", equalTo("DOWN")));
            given().get("/q/health").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

            id = given().contentType("text/plain; charset=UTF-8").body(Samples.report())
                    .when().post("/api/reports").then().statusCode(201).extract().path("id");
            given().when().post("/api/reports/" + id + "/publish").then().statusCode(200);
            // the relay has tried and failed by now, and readiness still holds
            await("the relay waits on Kafka").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                            .body("checks.find { it.name == 'events' }.data.relayWaitingOn", not(equalTo(null))));
            assertEquals(1, unsent(id), "the event waits in the outbox");
        } finally {
            TestStack.MODULE.up("kafka");
        }
        await("the event relayed once Kafka is back").atMost(Duration.ofSeconds(60)).until(() -> unsent(id) == 0);
        given().get("/q/health/well").then().statusCode(200).body("checks[0].status", equalTo("UP"));
    }

    private long unsent(String reportId) throws Exception {
        return Samples.count(dataSource, "select count(*) from outbox_event where event_key = ? and sent_at is null",
                reportId);
    }
}
