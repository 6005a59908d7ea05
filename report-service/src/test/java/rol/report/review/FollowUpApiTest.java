package rol.report.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

/**
 * Publishing the later report of an issuer judges the earlier report's plan and flags recurring problems; the API
 * shows both, the office decides, and every step leaves its event in the outbox. Per-role checks at the end.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class FollowUpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** The earlier report: its 2024 plan has two items the later report reports on and one it does not. */
    static String earlier() {
        return """
                某区审计局关于2023年度法治政府建设情况的报告
                区委、区政府：
                一、2023年度工作成效
                （一）强化统筹
                1.深入学习法治思想。开展专题学习 4 次，编为第%s期。
                2.完善制度建设。出台规范性文件 3 件。
                二、存在问题
                一是普法宣传形式缺乏创新，群众参与不多；二是审计档案数字化水平不够。
                三、2024年工作思路
                一是建设行政复议信息化办案系统，实现案件全程可溯。二是深化“鲤小司”普法品牌，升级普法驿站。三是开展古籍修复志愿服务。
                某区审计局
                2024年1月31日
                """.formatted(nonce());
    }

    static String later() {
        return """
                某区审计局关于2024年度法治政府建设情况的报告
                区委、区政府：
                一、2024年度工作成效
                （一）依法行政
                1.行政复议信息化办案系统上线。建成行政复议信息化办案系统，案件全程可溯，全年办理复议案件 111 件，编为第%s期。
                2.“鲤小司”普法驿站升级。对“鲤小司”普法驿站进行升级改造，深化普法品牌，开展普法宣传活动 639 场。
                3.执法监督。评查执法案卷 315 件。
                二、存在问题
                一是普法宣传形式单一，缺乏创新；二是执法人员轮训不足。
                三、2025年工作思路
                一是深化执法监督。二是加强社区矫正。
                某区审计局
                2025年2月17日
                """.formatted(nonce());
    }

    private static String upload(String text, String issuer, int year) {
        return given().contentType("text/plain; charset=UTF-8").queryParam("issuer", issuer).queryParam("year", year)
                .body(text).post("/api/reports").then().statusCode(201).extract().path("id");
    }

    private static void publish(String id) {
        given().post("/api/reports/" + id + "/publish").then().statusCode(200);
    }

    /** Two reports of one issuer published by the office in the given order; returns {earlierId, laterId}. */
    private static String[] pair(boolean laterFirst) {
        String issuer = "某区审计局" + nonce();
        As.office();
        String e = upload(earlier(), issuer, 2023);
        String l = upload(later(), issuer, 2024);
        if (laterFirst) {
            publish(l);
            publish(e);
        } else {
            publish(e);
            publish(l);
        }
        return new String[] {e, l};
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void publishingTheLaterReportJudgesTheEarlierPlanAndFlagsRecurringProblems() throws SQLException {
        String[] ids = pair(false);
        given().get("/api/reports/" + ids[0] + "/follow-up").then().statusCode(200)
                .body("planItems.planItemId", contains("plan-1", "plan-2", "plan-3"))
                .body("planItems.verdict", contains("REPORTED_DONE", "REPORTED_DONE", "NOT_MENTIONED"))
                .body("planItems[0].laterReportId", equalTo(ids[1]))
                .body("planItems[0].evidence[0].achievementId", equalTo("achievement-1.1"))
                .body("planItems[1].evidence[0].achievementId", equalTo("achievement-1.2"))
                .body("planItems[2].evidence", hasSize(0))
                .body("recurringProblems", hasSize(0));
        // the later report shows the same verdicts (its achievements are the evidence) and its recurring problem
        given().get("/api/reports/" + ids[1] + "/follow-up").then().statusCode(200)
                .body("planItems", hasSize(3))
                .body("recurringProblems.problemId", contains("problem-1"))
                .body("recurringProblems[0].years", contains(2023, 2024))
                .body("recurringProblems[0].earlier[0].problemId", equalTo("problem-1"));
        List<String> followed = events(ids[0], "report.plan-followed-up.v1");
        assertEquals(1, followed.size());
        assertTrue(followed.get(0).contains("\"verdict\":\"REPORTED_DONE\""), followed.get(0));
        assertEquals(1, events(ids[1], "report.problems-recurred.v1").size());
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void aRevisionThatEndsTheRecurrenceSaysSoWithAnEmptyEvent() throws Exception {
        String[] ids = pair(false);
        assertEquals(1, events(ids[1], "report.problems-recurred.v1").size());
        // the office deletes the recurring problem from the published later report: consumers must drop their pairs
        given().when().delete("/api/reports/" + ids[1] + "/problems/problem-1").then().statusCode(200);
        given().get("/api/reports/" + ids[1] + "/follow-up").then().statusCode(200).body("recurringProblems", hasSize(0));
        List<String> recurred = events(ids[1], "report.problems-recurred.v1");
        assertEquals(2, recurred.size());
        JsonNode last = JSON.readTree(recurred.get(1)).get("data");
        assertEquals(ids[1], last.get("reportId").asText());
        assertEquals(2024, last.get("reportYear").asInt());
        assertTrue(last.get("problems").isArray() && last.get("problems").isEmpty(), last.toString());
        // nothing stored before and nothing now: a further revision sends no event
        given().when().delete("/api/reports/" + ids[1] + "/plan/plan-2").then().statusCode(200);
        assertEquals(2, events(ids[1], "report.problems-recurred.v1").size());
        // a report that never had recurrences never sends one
        assertEquals(0, events(ids[0], "report.problems-recurred.v1").size());
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void reportsPublishedOutOfOrderAreFollowedUpToo() throws SQLException {
        String[] ids = pair(true);
        given().get("/api/reports/" + ids[0] + "/follow-up").then().statusCode(200)
                .body("planItems.verdict", contains("REPORTED_DONE", "REPORTED_DONE", "NOT_MENTIONED"));
        // the later report, published first, learns its recurring problem when the earlier one arrives
        given().get("/api/reports/" + ids[1] + "/follow-up").then().statusCode(200)
                .body("recurringProblems.problemId", contains("problem-1"))
                .body("recurringProblems[0].earlier[0].reportId", equalTo(ids[0]));
        assertEquals(1, events(ids[1], "report.problems-recurred.v1").size());
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void revisingTheEarlierReportRecomputesTheLaterOnesRecurrences() throws Exception {
        String[] ids = pair(false);
        given().when().delete("/api/reports/" + ids[0] + "/problems/problem-1").then().statusCode(200);
        given().get("/api/reports/" + ids[1] + "/follow-up").then().statusCode(200).body("recurringProblems", hasSize(0));
        List<String> recurred = events(ids[1], "report.problems-recurred.v1");
        assertEquals(2, recurred.size());
        assertTrue(JSON.readTree(recurred.get(1)).get("data").get("problems").isEmpty(), recurred.get(1));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeConfirmsOrRejectsAVerdict() throws SQLException {
        String[] ids = pair(false);
        String decide = "/api/reports/" + ids[0] + "/follow-up/plan-1/decision";
        given().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED")).post(decide)
                .then().statusCode(200).body("decision", equalTo("CONFIRMED")).body("decidedBy", equalTo("office1"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "REJECTED")).post(decide)
                .then().statusCode(200).body("decision", equalTo("REJECTED"));
        given().get("/api/reports/" + ids[0] + "/follow-up").then()
                .body("planItems[0].decision", equalTo("REJECTED")).body("planItems[1].decision", equalTo(null));
        List<String> decided = events(ids[0], "report.plan-match-decided.v1");
        assertEquals(2, decided.size());
        assertTrue(decided.get(0).contains("\"decision\":\"CONFIRMED\"") && decided.get(0).contains("plan-1"));

        given().contentType(ContentType.JSON).body(Map.of("decision", "MAYBE")).post(decide)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("decision"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED"))
                .post("/api/reports/" + ids[0] + "/follow-up/plan-99/decision")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(2, events(ids[0], "report.plan-match-decided.v1").size());
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void leadersReadButDoNotDecide() {
        readOnly(As::leader);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void auditorsReadButDoNotDecide() {
        readOnly(As::auditor);
    }

    private void readOnly(Runnable as) {
        String[] ids = pair(false);
        as.run();
        given().get("/api/reports/" + ids[0] + "/follow-up").then().statusCode(200).body("planItems", hasSize(3));
        given().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED"))
                .post("/api/reports/" + ids[0] + "/follow-up/plan-1/decision").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void departmentsHaveNoAccess() {
        String[] ids = pair(false);
        As.judicial();
        given().get("/api/reports/" + ids[0] + "/follow-up").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED"))
                .post("/api/reports/" + ids[0] + "/follow-up/plan-1/decision").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void withoutATokenItIs401() {
        String[] ids = pair(false);
        As.nobody();
        given().get("/api/reports/" + ids[0] + "/follow-up").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("decision", "CONFIRMED"))
                .post("/api/reports/" + ids[0] + "/follow-up/plan-1/decision").then().statusCode(401);
    }

    private List<String> events(String key, String type) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select payload from outbox_event where event_key = ? and event_type = ? order by position")) {
            q.setString(1, key);
            q.setString(2, type);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Chinese numerals: makes texts and issuers unique without adding a figure the parser would read. */
    static String nonce() {
        String digits = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE));
        StringBuilder out = new StringBuilder();
        for (char d : digits.toCharArray()) out.append("零一二三四五六七八九".charAt(d - '0'));
        return out.toString();
    }
}
