package rol.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.channel.SmtpServer;
import rol.testsupport.As;
import rol.testsupport.BadInputCorpus;
import rol.testsupport.OpenApiBadInputs;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The bad-input corpus of notification-service (docs/reliability.md, "Bad input"): cases generated from the service's
 * OpenAPI document for every endpoint that takes input, plus hand cases (absurd clock moves, webhook targets that are
 * not web addresses, other users' inbox items). Each is refused with a Chinese problem and leaves the database as it
 * was.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class BadInputCorpusTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void everyBadInputIsRefusedCleanlyAndStoresNothing() {
        As.office();
        String subscription = given().contentType("application/json").body(Map.of("district", "licheng",
                        "recipientType", "DEPARTMENT", "recipientId", "judicial-bureau", "channel", "EMAIL",
                        "target", "fzk@sfj.licheng.gov.cn"))
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");

        OpenApiBadInputs.Target target = OpenApiBadInputs.target(Map.of("id", subscription), op -> As.office());
        BadInputCorpus corpus = new BadInputCorpus("notification-service")
                .addAll(OpenApiBadInputs.cases(OpenApiBadInputs.document(), target, List.of()));
        clock(corpus);
        subscriptions(corpus, subscription);
        others(corpus, subscription);
        corpus.run(dataSource, Set.of(), 60);
    }

    private static void clock(BadInputCorpus corpus) {
        Map<String, String> bodies = Map.of(
                "advance of minus three days", "{\"advance\": \"-P3D\"}",
                "advance of ten thousand years", "{\"advance\": \"P3650000D\"}",
                "to the year 9999", "{\"at\": \"9999-12-31T23:59:59+08:00\"}",
                "to the year 1900", "{\"at\": \"1900-01-01T00:00:00+08:00\"}",
                "to the 30th of February", "{\"at\": \"2026-02-30T09:00:00+08:00\"}",
                "both advance and at", "{\"advance\": \"P1D\", \"at\": \"2026-12-01T09:00:00+08:00\"}",
                "an advance of huge seconds", "{\"advance\": \"PT99999999999999999999S\"}");
        bodies.forEach((what, body) -> corpus.add("absurd or impossible date", "clock: " + what, () -> {
            As.office();
            return given().contentType("application/json").body(body).post("/api/clock");
        }));
    }

    private static void subscriptions(BadInputCorpus corpus, String id) {
        Map<String, Map<String, Object>> bodies = Map.of(
                "webhook to a file path", Map.of("target", "file:///etc/passwd", "secret", "0123456789abcdef0123"),
                "webhook with script", Map.of("target", "javascript:alert(1)", "secret", "0123456789abcdef0123"),
                "webhook to an internal address with SQL", Map.of("target", "http://127.0.0.1/'; drop table subscription;--",
                        "secret", "0123456789abcdef0123"),
                "mail address with injected header", Map.of("channel", "EMAIL", "target", "a@b.cn\r\nBcc: all@gov.cn"),
                "unknown recipient type", Map.of("recipientType", "EVERYONE"),
                "kinds with an unknown value", Map.of("kinds", List.of("BEFORE_DEADLINE", "DROP TABLE")),
                "a district of SQL", Map.of("district", "licheng' OR '1'='1"));
        bodies.forEach((what, changes) -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("district", "licheng", "recipientType", "DEPARTMENT",
                    "recipientId", "judicial-bureau", "channel", "WEBHOOK"));
            body.putAll(changes);
            corpus.add("SQL or script injection", "new subscription: " + what, () -> {
                As.office();
                return given().contentType("application/json").body(body).post("/api/subscriptions");
            });
            corpus.add("SQL or script injection", "changed subscription: " + what, () -> {
                As.office();
                return given().contentType("application/json").body(body).put("/api/subscriptions/" + id);
            });
        });
    }

    private static void others(BadInputCorpus corpus, String subscription) {
        corpus.add("other department or read-only role", "a department deletes a subscription", () -> {
            As.judicial();
            return given().delete("/api/subscriptions/" + subscription);
        });
        corpus.add("other department or read-only role", "the leader replays dead letters", () -> {
            As.leader();
            return given().post("/api/dead-letters/replay");
        });
        corpus.add("other department or read-only role", "the auditor moves the clock", () -> {
            As.auditor();
            return given().contentType("application/json").body("{\"advance\": \"P1D\"}").post("/api/clock");
        });
        corpus.add("other department or read-only role", "a department reads an inbox item that does not exist", () -> {
            As.market();
            return given().post("/api/inbox/9223372036854775807/read");
        });
        corpus.add("path id: injection/overflow", "an inbox id past the largest number", () -> {
            As.market();
            return given().post("/api/inbox/9223372036854775808/read");
        });
    }
}
