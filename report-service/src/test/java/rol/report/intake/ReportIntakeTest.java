package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportIntakeTest {

    @Inject
    DataSource dataSource;

    private static String text() {
        // synthetic, unique per call: the content hash decides whether a report is new
        return "某区司法局关于2024年法治政府建设情况的报告\n" + UUID.randomUUID() + "\n一、主要举措和成效\n";
    }

    @Test
    void sameContentAgainReturnsTheSameReport() {
        String text = text();
        String id = given().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("issuer", "某区司法局").queryParam("year", 2024)
                .when().post("/api/reports")
                .then().statusCode(201).header("Location", containsString("/api/reports/"))
                .body("status", equalTo("DRAFT"))
                .body("title", equalTo("某区司法局关于2024年法治政府建设情况的报告"))
                .body("issuer", equalTo("某区司法局"))
                .body("reportYear", equalTo(2024)).body("planYear", equalTo(2025))
                .extract().path("id");

        given().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/reports")
                .then().statusCode(200).body("id", equalTo(id));

        given().when().get("/api/reports").then().statusCode(200).body("items.id", hasItem(id));
        given().when().get("/api/reports/" + id + "/source")
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo(text));
    }

    @Test
    void textInADeclaredCharsetIsDecodedAndAByteOrderMarkDropped() {
        String text = text();
        Charset gb18030 = Charset.forName("GB18030");
        String id = given().contentType("text/plain; charset=GB18030").body(text.getBytes(gb18030))
                .when().post("/api/reports").then().statusCode(201).extract().path("id");
        given().when().get("/api/reports/" + id + "/source").then().body(equalTo(text));

        String other = text();
        byte[] withBom = ("\uFEFF" + other).getBytes(StandardCharsets.UTF_8);
        String second = given().contentType("text/markdown").body(withBom)
                .when().post("/api/reports").then().statusCode(201).extract().path("id");
        given().when().get("/api/reports/" + second + "/source").then().body(equalTo(other));
    }

    @Test
    void publishingWritesTheEventWithTheStateChangeAndTheRelaySendsIt() throws SQLException {
        String id = given().contentType(ContentType.TEXT).body(text())
                .when().post("/api/reports").then().statusCode(201).extract().path("id");

        given().when().post("/api/reports/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());

        assertEquals(1, outboxRows(id, "report.published.v1"), "one event, written with the state change");
        await().atMost(Duration.ofSeconds(30)).until(() -> unsentRows(id) == 0);
    }

    @Test
    void publishingTwiceIsAConflictNamingTheState() throws SQLException {
        String id = given().contentType(ContentType.TEXT).body(text())
                .when().post("/api/reports").then().statusCode(201).extract().path("id");
        given().when().post("/api/reports/" + id + "/publish").then().statusCode(200);

        given().when().post("/api/reports/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("PUBLISHED"))
                .body("detail", containsString("已发布"));
        assertEquals(1, outboxRows(id, "report.published.v1"), "the refused publish wrote no second event");
    }

    @Test
    void emptyTextIsRefusedAndNothingStored() throws SQLException {
        long before = reports();
        given().contentType(ContentType.TEXT).body("  \n\t ")
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("报告内容为空"));
        assertEquals(before, reports());
    }

    @Test
    void bytesThatAreNotTheDeclaredEncodingAreRefused() throws SQLException {
        long before = reports();
        given().contentType("text/plain; charset=UTF-8").body(new byte[] {(byte) 0xC4, (byte) 0xE3, 0x28, (byte) 0xFF})
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("UTF-8"));
        assertEquals(before, reports());
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        given().contentType("application/octet-stream").body(new byte[] {1, 2, 3})
                .when().post("/api/reports")
                .then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("不支持的文件或内容类型"));
    }

    @Test
    void aYearOutOfRangeNamesTheField() {
        given().contentType(ContentType.TEXT).body(text()).queryParam("year", 1999)
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("年份应在 2000 至 2100 之间。"));
    }

    @Test
    void anUnknownReportIs404() {
        given().when().get("/api/reports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("报告"));
        given().when().post("/api/reports/" + UUID.randomUUID() + "/publish")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private long reports() throws SQLException {
        return count("select count(*) from report", null);
    }

    private long outboxRows(String reportId, String type) throws SQLException {
        return count("select count(*) from outbox_event where event_key = ? and event_type = '" + type + "'", reportId);
    }

    private long unsentRows(String reportId) throws SQLException {
        return count("select count(*) from outbox_event where event_key = ? and sent_at is null", reportId);
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (arg != null) {
                q.setString(1, arg);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
