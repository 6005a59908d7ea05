package rol.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.notification.channel.ChannelFixture;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryFailure;
import rol.notification.channel.DeliveryWorker;
import rol.notification.channel.SmtpServer;
import rol.notification.notice.NoticeCreated;
import rol.notification.subscription.Subscription;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.subscription.Subscription.Channel.WEBHOOK;
import static rol.notification.subscription.Subscription.RecipientType.DEPARTMENT;

/** Webhooks to a real HTTP endpoint: signed JSON, retried with backoff, dead-lettered, replayed. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static final String SECRET = "bot-secret-0123456789";

    @Inject
    MovableClock clock;

    @Inject
    ChannelFixture fixture;

    @Inject
    DeliveryWorker worker;

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2025-06-20T01:00:00Z"));
    }

    @AfterEach
    void end() {
        clock.reset();
    }

    @Test
    void aSignedPayloadIsRetriedWithBackoffUntilTheBotAcceptsIt() throws Exception {
        try (Receiver bot = new Receiver(SECRET, 2)) {
            String district = ChannelFixture.district();
            Subscription s = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", WEBHOOK, bot.url(), SECRET);
            NoticeCreated notice = fixture.toDepartment(district, "judicial-bureau", "BEFORE_DEADLINE");

            worker.runDue();
            Delivery d = fixture.deliveries(s.id).get(0);
            assertEquals(1, d.attempts);
            assertTrue(d.lastError.contains("HTTP 503"), d.lastError);
            clock.advance(Duration.ofSeconds(30));
            worker.runDue();
            assertEquals(2, fixture.delivery(d.id).attempts);
            clock.advance(Duration.ofSeconds(58));
            worker.runDue();
            assertEquals(2, fixture.delivery(d.id).attempts, "the second wait is twice the first");
            clock.advance(Duration.ofSeconds(3));
            worker.runDue();
            worker.runDue();

            assertEquals(Delivery.State.DELIVERED, fixture.delivery(d.id).state);
            assertEquals(3, bot.requests.size());
            assertTrue(bot.requests.stream().allMatch(Receiver.Request::signed), "every request is signed");
            assertEquals(1, bot.accepted().size());
            Set<String> ids = bot.requests.stream().map(Receiver.Request::deliveryId).collect(Collectors.toSet());
            assertEquals(Set.of(d.id.toString()), ids, "retries carry the same delivery id");
            assertEquals(1, bot.requests.stream().map(Receiver.Request::body).distinct().count());

            Receiver.Request accepted = bot.accepted().get(0);
            assertEquals(Long.toString(clock.instant().getEpochSecond()), accepted.timestamp(), "signed at sending");
            JsonNode json = new ObjectMapper().readTree(accepted.body());
            assertEquals(d.id.toString(), json.get("id").asText());
            assertEquals("BEFORE_DEADLINE", json.get("kind").asText());
            assertEquals(district, json.get("district").asText());
            assertEquals(notice.taskId(), json.get("taskId").asText());
            assertEquals(notice.title(), json.get("title").asText());
            assertEquals(notice.body(), json.get("body").asText());
            assertEquals(notice.createdAt(), Instant.parse(json.get("createdAt").asText()));
            assertEquals("2025-06-30", json.get("data").get("deadline").asText());
        }
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void aDeadEndpointFillsTheDeadLetterListAndAReplayDelivers() {
        try (Receiver bot = new Receiver(SECRET, Integer.MAX_VALUE)) {
            String district = ChannelFixture.district();
            Subscription s = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", WEBHOOK, bot.url(), SECRET);
            fixture.toDepartment(district, "judicial-bureau", "AFTER_DEADLINE");
            fixture.toDepartment(district, "judicial-bureau", "ESCALATION");
            for (int attempt = 1; attempt <= 8; attempt++) {
                worker.runDue();
                clock.advance(Duration.ofHours(1));
            }
            worker.runDue();
            assertEquals(16, bot.requests.size(), "8 attempts each, then no more");
            assertTrue(fixture.deliveries(s.id).stream().allMatch(d -> d.state == Delivery.State.DEAD));

            given().queryParam("subscriptionId", s.id.toString()).get("/api/dead-letters")
                    .then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items[0].attempts", equalTo(8))
                    .body("items[0].channel", equalTo("WEBHOOK"))
                    .body("items[0].target", equalTo(bot.url()))
                    .body("items[0].lastError", startsWith("ReceiverAnswer: HTTP 503"))
                    .body("items[0].lastErrorReason", equalTo("RECEIVER_ERROR"))
                    .body("items[0].lastErrorStatus", equalTo(503));

            bot.failNext(0);
            Delivery first = fixture.deliveries(s.id).get(0);
            given().post("/api/dead-letters/" + first.id + "/replay")
                    .then().statusCode(200).body("state", equalTo("PENDING")).body("attempts", equalTo(0));
            worker.runDue();
            assertEquals(Delivery.State.DELIVERED, fixture.delivery(first.id).state);
            assertEquals(1, bot.accepted().size());

            given().queryParam("subscriptionId", s.id.toString()).post("/api/dead-letters/replay")
                    .then().statusCode(200).body("replayed", equalTo(1));
            given().queryParam("subscriptionId", s.id.toString()).get("/api/dead-letters")
                    .then().statusCode(200).body("total", equalTo(0));
            worker.runDue();
            assertEquals(2, bot.accepted().size());
            assertTrue(fixture.deliveries(s.id).stream().allMatch(d -> d.state == Delivery.State.DELIVERED));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheBotAndRetried() {
        try (Receiver bot = new Receiver(SECRET, 0)) {
            String district = ChannelFixture.district();
            Subscription s = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", WEBHOOK, bot.url(),
                    "another-secret-0123456789");
            fixture.toDepartment(district, "judicial-bureau", "DISPATCHED");
            worker.runDue();
            Delivery d = fixture.deliveries(s.id).get(0);
            assertEquals(Delivery.State.PENDING, d.state);
            assertTrue(d.lastError.contains("HTTP 401"), d.lastError);
            assertEquals(DeliveryFailure.Reason.REFUSED, d.lastErrorReason);
            assertEquals(401, d.lastErrorStatus);
            assertEquals(0, bot.accepted().size());
        }
    }
}
