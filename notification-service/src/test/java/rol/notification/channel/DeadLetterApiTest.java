package rol.notification.channel;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.subscription.Subscription;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** /api/dead-letters: paging, refusals, replay of one and of all; only the office. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class DeadLetterApiTest {

    @Inject
    MovableClock clock;

    @Inject
    ChannelFixture fixture;

    @Inject
    DeliveryWorker worker;

    @AfterEach
    void end() {
        clock.reset();
    }

    /** Three dead letters to a webhook nobody listens on (port 9 on loopback refuses connections). */
    private Subscription deadWebhook() {
        clock.set(Instant.parse("2025-06-20T01:00:00Z"));
        String district = ChannelFixture.district();
        Subscription s = fixture.subscribe(district, Subscription.RecipientType.OFFICE, null,
                Subscription.Channel.WEBHOOK, "http://127.0.0.1:9/hook", "bot-secret-0123456789");
        for (int i = 0; i < 3; i++) {
            fixture.toOffice(district, "ESCALATION");
        }
        for (int attempt = 1; attempt <= 8; attempt++) {
            worker.runDue();
            clock.advance(Duration.ofHours(1));
        }
        return s;
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficePagesThroughDeadLettersAndReplaysThem() {
        Subscription s = deadWebhook();
        given().queryParam("subscriptionId", s.id.toString()).queryParam("size", 2).get("/api/dead-letters")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0))
                .body("items[0].state", equalTo("DEAD"))
                .body("items[0].lastError", containsString("ConnectException"))
                .body("items[0].lastErrorReason", equalTo("UNREACHABLE"))
                .body("items[0].lastErrorStatus", nullValue());
        given().queryParam("subscriptionId", s.id.toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/api/dead-letters").then().statusCode(200).body("items", hasSize(1));
        given().queryParam("size", 0).get("/api/dead-letters")
                .then().statusCode(400).body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("每页条数"));
        given().queryParam("page", -1).get("/api/dead-letters")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));

        UUID one = fixture.deliveries(s.id).get(0).id;
        given().post("/api/dead-letters/" + one + "/replay").then().statusCode(200).body("state", equalTo("PENDING"));
        given().post("/api/dead-letters/" + one + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("state", equalTo("PENDING"))
                .body("detail", containsString("待投递"));
        given().post("/api/dead-letters/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .body("detail", containsString("死信"));
        given().queryParam("subscriptionId", s.id.toString()).post("/api/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(2));
        given().post("/api/dead-letters/replay").then().statusCode(400)
                .body("errors[0].field", equalTo("subscriptionId"));
        given().queryParam("subscriptionId", UUID.randomUUID().toString()).post("/api/dead-letters/replay")
                .then().statusCode(404);
        given().queryParam("subscriptionId", "not-an-id").get("/api/dead-letters").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void departmentsAreRefused() {
        refused();
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersAreRefused() {
        refused();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsAreRefused() {
        refused();
    }

    private void refused() {
        given().get("/api/dead-letters").then().statusCode(403).contentType("application/problem+json");
        given().post("/api/dead-letters/" + UUID.randomUUID() + "/replay").then().statusCode(403);
        given().queryParam("subscriptionId", UUID.randomUUID().toString()).post("/api/dead-letters/replay")
                .then().statusCode(403);
    }
}
