package rol.task.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportPublishedV1.Span;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Draft tasks from a published report, as each role sees them. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class TaskListTest {

    @Inject
    TaskQueries queries;

    private String reportId;

    @BeforeEach
    void publishAReportWithAPlan() throws Exception {
        reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "某区司法局", "某区司法局2024年法治政府建设情况报告",
                2024, 2025, List.of(
                new PlanItem("plan-1", null, "深化行政执法协调监督工作", "深化行政执法协调监督工作。一是……二是……", false,
                        new Span(100, 160)),
                new PlanItem("plan-1.1", "plan-1", "开展行政执法案卷评查", "一是开展行政执法案卷评查。", true, new Span(120, 134)),
                new PlanItem("plan-1.2", "plan-1", "联合区检察院开展专项监督", "二是联合区检察院开展专项监督。", true,
                        new Span(134, 150)),
                new PlanItem("plan-2", null, "建设行政复议“一案一码”系统", "建设行政复议“一案一码”系统。", true,
                        new Span(160, 180))),
                List.of()));
        // one task is dispatched to the judicial bureau with the market regulator supporting (as the lifecycle will do)
        QuarkusTransaction.requiringNew().run(() -> {
            Task task = Task.find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), "plan-1.2").firstResult();
            task.leadDepartment = "judicial-bureau";
            task.coDepartments = List.of("market-regulation");
            task.deadline = LocalDate.parse("2025-06-30");
            Task other = Task.find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), "plan-1.1").firstResult();
            other.deadline = LocalDate.parse("2025-09-30");
        });
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void everyLeafPlanItemBecomesADraftTaskUnderItsTheme() {
        given().queryParam("reportId", reportId).queryParam("sort", "title")
                .when().get("/api/tasks")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.planItemId", containsInAnyOrder("plan-1.1", "plan-1.2", "plan-2"))
                .body("items.state", contains("DRAFT", "DRAFT", "DRAFT"))
                .body("items.find { it.planItemId == 'plan-1.1' }.theme", equalTo("深化行政执法协调监督工作"))
                .body("items.find { it.planItemId == 'plan-2' }.theme", equalTo(null))
                .body("items.find { it.planItemId == 'plan-1.1' }.span.start", equalTo(120));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void filtersNarrowTheList() {
        given().queryParam("reportId", reportId).queryParam("q", "一案一码")
                .get("/api/tasks").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].planItemId", equalTo("plan-2"));
        given().queryParam("reportId", reportId).queryParam("department", "market-regulation")
                .get("/api/tasks").then().body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-1.2"));
        given().queryParam("reportId", reportId).queryParam("state", "CLOSED")
                .get("/api/tasks").then().body("total", equalTo(0));
        given().queryParam("reportId", reportId).queryParam("planYear", 2025).queryParam("issuer", "某区司法局")
                .get("/api/tasks").then().body("total", equalTo(3));
        // a deadline range: from (inclusive) before (exclusive); tasks without a deadline are outside every range
        given().queryParam("reportId", reportId).queryParam("deadlineFrom", "2025-07-01")
                .get("/api/tasks").then().body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-1.1"));
        given().queryParam("reportId", reportId).queryParam("deadlineFrom", "2025-06-30")
                .queryParam("deadlineBefore", "2025-09-30")
                .get("/api/tasks").then().body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-1.2"));
        given().queryParam("reportId", reportId).queryParam("size", 2).queryParam("page", 1)
                .get("/api/tasks").then().body("total", equalTo(3)).body("items", hasSize(1));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    @TestTransaction // the list counts inside its own transaction
    void theTotalIsCountedUpToACap() {
        TaskFilter ofReport = new TaskFilter(UUID.fromString(reportId), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertEquals(2, queries.countUpTo(ofReport, 2));
        assertEquals(3, queries.countUpTo(ofReport, 3));
        assertEquals(3, queries.countUpTo(ofReport, 10_000));
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(3)).body("totalCapped", equalTo(false));
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    @TestTransaction // the list counts inside its own transaction
    void aDepartmentsCountStaysInsideWhatItSees() {
        TaskFilter ofReport = new TaskFilter(UUID.fromString(reportId), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertEquals(1, queries.countUpTo(ofReport, 10_000));
        TaskFilter searched = new TaskFilter(UUID.fromString(reportId), null, null, null, null, null, null, null, null,
                null, "专项监督", null, null, null, null, null, null, null, null);
        assertEquals(1, queries.countUpTo(searched, 10_000));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void qFindsTraditionalTextBySimplifiedAndTheReverse() {
        String other = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(other, "licheng", "某區司法局", "2024年法治政府建設情況報告",
                2024, 2025, List.of(
                new PlanItem("plan-1", null, "推進鯉城區行政執法監督", "推進鯉城區行政執法監督平臺建設。", true, null),
                new PlanItem("plan-2", null, "深化鲤城区法治宣传", "深化鲤城区法治宣传教育，落实普法责任制。", true, null),
                new PlanItem("plan-3", null, "提高复议纠错率", "行政复议纠错率达到100%，开展复议_应诉专题培训。", true, null)),
                List.of()));
        given().queryParam("reportId", other).queryParam("q", "执法监督")
                .get("/api/tasks").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("推進鯉城區行政執法監督"));
        // in the text, not the title; traditional asks for simplified
        given().queryParam("reportId", other).queryParam("q", "普法責任制")
                .get("/api/tasks").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].planItemId", equalTo("plan-2"));
        given().queryParam("reportId", other).queryParam("q", "鯉城區")
                .get("/api/tasks").then().body("total", equalTo(2));
        // % and _ are characters, not wildcards, and a backslash is one too
        given().queryParam("reportId", other).queryParam("q", "100%")
                .get("/api/tasks").then().body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-3"));
        given().queryParam("reportId", other).queryParam("q", "%")
                .get("/api/tasks").then().body("total", equalTo(1));
        given().queryParam("reportId", other).queryParam("q", "复议_应诉")
                .get("/api/tasks").then().body("total", equalTo(1));
        given().queryParam("reportId", other).queryParam("q", "_")
                .get("/api/tasks").then().body("total", equalTo(1));
        given().queryParam("reportId", other).queryParam("q", "议纠")
                .get("/api/tasks").then().body("total", equalTo(1));
        given().queryParam("reportId", other).queryParam("q", "\\")
                .get("/api/tasks").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void badListParametersAreNamed() {
        given().queryParam("size", 500).get("/api/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().queryParam("sort", "drop table").get("/api/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("state", "FINISHED").get("/api/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"))
                .body("errors[0].message", containsString("IN_PROGRESS"));
        given().queryParam("deadlineFrom", "2025-02-30").get("/api/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("deadlineFrom"));
        given().queryParam("deadlineBefore", "2025-13-45").get("/api/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("deadlineBefore"))
                .body("errors[0].message", containsString("2025-06-30"));
        given().get("/api/tasks/not-an-id")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void aDepartmentSeesTheTasksItLeads() {
        given().queryParam("reportId", reportId).get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-1.2"));
        String id = given().queryParam("reportId", reportId).get("/api/tasks").then().extract().path("items[0].id");
        given().get("/api/tasks/" + id).then().statusCode(200).header("ETag", notNullValue());
    }

    @Test
    @TestSecurity(user = "market1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "market-regulation"))
    void aDepartmentSeesTheTasksItSupports() {
        given().queryParam("reportId", reportId).get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].planItemId", equalTo("plan-1.2"));
    }

    @Test
    @TestSecurity(user = "street1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "kaiyuan-subdistrict"))
    void anotherDepartmentsTaskDoesNotExistForYou() {
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200).body("total", equalTo(0));
        String id = QuarkusTransaction.requiringNew().call(() -> Task.<Task>find("reportId = ?1 and planItemId = ?2",
                UUID.fromString(reportId), "plan-1.2").firstResult().id.toString());
        given().get("/api/tasks/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "nobody", roles = "department")
    void aDepartmentAccountWithoutADepartmentIsRefused() {
        given().get("/api/tasks").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersSeeAllTasks() {
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsSeeAllTasks() {
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void withoutATokenIs401() {
        given().get("/api/tasks").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/tasks/" + UUID.randomUUID()).then().statusCode(401);
    }
}
