package rol.notification.subscription;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.notification.channel.ChannelFixture;
import rol.notification.channel.SmtpServer;
import rol.testsupport.StackResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.notification.subscription.Subscription.Channel.EMAIL;
import static rol.notification.subscription.Subscription.RecipientType.DEPARTMENT;

/** /api/subscriptions for every role: the office manages, a department reads its own, others are refused. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
class SubscriptionApiTest {

    private static final String SECRET = "bot-secret-0123456789";

    @Inject
    ChannelFixture fixture;

    private static Map<String, Object> webhook(String district, String url) {
        return Map.of("district", district, "recipientType", "DEPARTMENT", "recipientId", "judicial-bureau",
                "channel", "WEBHOOK", "target", url, "secret", SECRET, "kinds", java.util.List.of("ESCALATION"));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeCreatesReadsUpdatesAndDeletesAndTheSecretNeverComesBack() {
        String district = ChannelFixture.district();
        String id = given().contentType(ContentType.JSON).body(webhook(district, "https://bot.licheng.gov.cn/a"))
                .post("/api/subscriptions")
                .then().statusCode(201)
                .header("Location", containsString("/api/subscriptions/"))
                .body("$", not(hasKey("secret")))
                .body("hasSecret", equalTo(true))
                .body("enabled", equalTo(true))
                .body("kinds", contains("ESCALATION"))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "office",
                        "channel", "email", "target", "fzb@licheng.gov.cn"))
                .post("/api/subscriptions").then().statusCode(201)
                .body("recipientType", equalTo("OFFICE")).body("recipientId", nullValue())
                .body("hasSecret", equalTo(false));

        given().queryParam("district", district).get("/api/subscriptions")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items", everyItem(not(hasKey("secret"))));

        // the secret may be left out on update: it is kept
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "DEPARTMENT",
                        "recipientId", "judicial-bureau", "channel", "WEBHOOK", "target", "https://bot.licheng.gov.cn/b",
                        "enabled", false))
                .put("/api/subscriptions/" + id)
                .then().statusCode(200)
                .body("target", equalTo("https://bot.licheng.gov.cn/b")).body("enabled", equalTo(false))
                .body("hasSecret", equalTo(true)).body("kinds.size()", equalTo(0));
        assertEquals(SECRET, fixture.secretOf(UUID.fromString(id)));

        given().delete("/api/subscriptions/" + id).then().statusCode(204);
        given().delete("/api/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("订阅"));
        given().contentType(ContentType.JSON).body(webhook(district, "https://bot.licheng.gov.cn/a"))
                .put("/api/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void badInputIsRefusedNamingTheFieldInChinese() {
        String district = ChannelFixture.district();
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "OFFICE",
                        "channel", "EMAIL", "target", "fzb-at-licheng"))
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("target"))
                .body("errors[0].message", containsString("不是有效的电子邮件地址"));
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "OFFICE",
                        "channel", "WEBHOOK", "target", "ftp://bot.licheng.gov.cn/a", "secret", SECRET))
                .post("/api/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("target"))
                .body("errors[0].message", containsString("不是有效的网址"));
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "OFFICE",
                        "channel", "WEBHOOK", "target", "https://bot.licheng.gov.cn/a"))
                .post("/api/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("secret"))
                .body("errors[0].message", containsString("签名密钥"));
        given().contentType(ContentType.JSON).body(Map.of("district", district, "recipientType", "DEPARTMENT",
                        "channel", "SMS", "target", "13800000000"))
                .post("/api/subscriptions").then().statusCode(400)
                .body("errors.field", contains("recipientId", "channel"));
        given().contentType(ContentType.JSON).post("/api/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"district\": ").post("/api/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("district", district).get("/api/subscriptions")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void aDepartmentReadsOnlyItsOwnAndChangesNothing() {
        String district = ChannelFixture.district();
        Subscription own = fixture.subscribe(district, DEPARTMENT, "judicial-bureau", EMAIL, "sfj@licheng.gov.cn",
                null);
        fixture.subscribe(district, DEPARTMENT, "market-regulation", EMAIL, "scj@licheng.gov.cn", null);
        fixture.subscribe(district, Subscription.RecipientType.OFFICE, null, EMAIL, "fzb@licheng.gov.cn", null);
        given().get("/api/subscriptions").then().statusCode(200)
                .body("items.id", hasItem(own.id.toString()))
                .body("items.recipientId", everyItem(equalTo("judicial-bureau")));
        given().contentType(ContentType.JSON).body(webhook(district, "https://bot.licheng.gov.cn/a"))
                .post("/api/subscriptions").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(webhook(district, "https://bot.licheng.gov.cn/a"))
                .put("/api/subscriptions/" + own.id).then().statusCode(403);
        given().delete("/api/subscriptions/" + own.id).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "department")
    void aDepartmentAccountWithoutItsDepartmentIsRefused() {
        given().get("/api/subscriptions").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersAreRefused() {
        refusedEverything();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsAreRefused() {
        refusedEverything();
    }

    private void refusedEverything() {
        String id = UUID.randomUUID().toString();
        given().get("/api/subscriptions").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(webhook("licheng", "https://bot.licheng.gov.cn/a"))
                .post("/api/subscriptions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(webhook("licheng", "https://bot.licheng.gov.cn/a"))
                .put("/api/subscriptions/" + id).then().statusCode(403);
        given().delete("/api/subscriptions/" + id).then().statusCode(403);
    }
}
