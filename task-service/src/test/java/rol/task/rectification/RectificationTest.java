package rol.task.rectification;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportPublishedV1.Problem;
import rol.task.lifecycle.TaskFixture;
import rol.task.plan.PublishedReports;
import rol.testsupport.StackResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 整改事项: problems of a published report, linked to the tasks that address them, with coverage and status. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class RectificationTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    /** A report with three plan items and three problems: two matched by a task, one by none. */
    static String publish() {
        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局",
                "2024年法治政府建设情况报告", 2024, 2025, List.of(
                new PlanItem("plan-1", null, "（一）规范行政执法", "（一）规范行政执法", false, null),
                new PlanItem("plan-1.1", "plan-1", "开展行政执法案卷评查", "开展行政执法案卷评查，规范行政执法程序。", true,
                        new ReportPublishedV1.Span(100, 120)),
                new PlanItem("plan-1.2", "plan-1", "扩大法律援助覆盖面", "扩大法律援助覆盖面，推进法律援助便民服务。", true, null),
                new PlanItem("plan-1.3", "plan-1", "深化精准普法", "深化“谁执法谁普法”责任制，开展精准普法。", true, null)),
                List.of(new Problem("problem-1", null, "一是行政执法程序不够规范，案卷评查发现问题较多。",
                                new ReportPublishedV1.Span(40, 64)),
                        new Problem("problem-2", null, "二是法律援助覆蓋面不廣，困难群众知晓率低。", null),
                        new Problem("problem-3", null, "三是基层矛盾纠纷化解队伍人员老化。", null))));
        return reportId;
    }

    static String task(String reportId, String planItemId) {
        return (String) TaskFixture.rows("select id::text from task where report_id = ?::uuid and plan_item_id = ?",
                reportId, planItemId).get(0).get(0);
    }

    static JsonPath problems(String reportId) {
        return given().queryParam("reportId", reportId).get("/api/problems").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    static String problemId(String reportId, String problem) {
        return problems(reportId).getString("items.find { it.problemId == '" + problem + "' }.id");
    }

    @Test
    void eachProblemBecomesARectificationWithTheTasksSuggestedByTheirText() {
        String reportId = publish();
        As.office();
        JsonPath p = problems(reportId);
        assertEquals(3, p.getInt("total"));
        assertEquals(List.of("problem-1", "problem-2", "problem-3"), p.getList("items.problemId"));
        assertEquals(3, p.getInt("uncovered"), "covered means a confirmed link: suggestions alone do not cover");

        Map<String, Object> first = p.getMap("items[0]");
        assertEquals("SUGGESTED", first.get("coverage"));
        assertEquals(false, first.get("covered"));
        assertEquals("NEW", first.get("status"));
        assertEquals("新增", first.get("statusName"));
        assertEquals(Map.of("start", 40, "end", 64), first.get("span"));
        assertEquals(task(reportId, "plan-1.1"), p.getString("items[0].links[0].taskId"));
        assertEquals("SUGGESTED", p.getString("items[0].links[0].status"));
        assertTrue(p.getDouble("items[0].links[0].score") >= 0.15);
        assertTrue(p.getString("items[0].links[0].words").contains("行政执法"), p.getString("items[0].links[0].words"));
        assertTrue(p.getString("items[0].links[0].reason").contains("行政执法"));
        assertEquals("DRAFT", p.getString("items[0].links[0].state"));

        // traditional characters in the problem match the simplified task
        assertEquals(task(reportId, "plan-1.2"), p.getString("items[1].links[0].taskId"));
        assertTrue(p.getString("items[1].links[0].words").contains("法律援助覆盖面"));

        // the gap: no task addresses the third problem
        assertEquals("NONE", p.getString("items[2].coverage"));
        assertTrue(p.getList("items[2].links").isEmpty());
        given().queryParam("reportId", reportId).queryParam("covered", false).get("/api/problems").then()
                .statusCode(200).body("total", equalTo(3));
    }

    @Test
    void theOfficeConfirmsRejectsAndAddsLinks() {
        String reportId = publish();
        As.office();
        String problem1 = problemId(reportId, "problem-1");
        String problem3 = problemId(reportId, "problem-3");
        String audit = task(reportId, "plan-1.1");
        String legalAid = task(reportId, "plan-1.2");
        String publicity = task(reportId, "plan-1.3");

        TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + problem1 + "/links").then()
                .statusCode(200).body("covered", equalTo(true)).body("coverage", equalTo("CONFIRMED"))
                .body("links.find { it.taskId == '" + audit + "' }.status", equalTo("CONFIRMED"))
                .body("links.find { it.taskId == '" + audit + "' }.decidedBy", equalTo("office1"))
                .body("links.find { it.taskId == '" + audit + "' }.score", greaterThan(0.15f));

        // a task no suggestion named closes the gap once the office links it
        TaskFixture.json().body(Map.of("taskId", publicity)).post("/api/problems/" + problem3 + "/links").then()
                .statusCode(200).body("covered", equalTo(true))
                .body("links[0].status", equalTo("CONFIRMED")).body("links[0].score", equalTo(0.0f));
        given().delete("/api/problems/" + problem3 + "/links/" + publicity).then().statusCode(200)
                .body("covered", equalTo(false)).body("coverage", equalTo("NONE"))
                .body("links[0].status", equalTo("REJECTED"));

        given().delete("/api/problems/" + problem1 + "/links/" + legalAid).then().statusCode(404)
                .contentType("application/problem+json");
        TaskFixture.json().body(Map.of("taskId", UUID.randomUUID().toString()))
                .post("/api/problems/" + problem1 + "/links").then().statusCode(400)
                .body("errors[0].field", equalTo("taskId"));
        TaskFixture.json().body(Map.of()).post("/api/problems/" + problem1 + "/links").then().statusCode(400);
        TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + UUID.randomUUID() + "/links").then()
                .statusCode(404);

        JsonPath p = problems(reportId);
        assertEquals(2, p.getInt("uncovered"));
        assertEquals(1L, TaskFixture.count("select count(*) from rectification_link l join rectification r on"
                + " r.id = l.rectification_id where r.report_id = ?::uuid and l.status = 'CONFIRMED'",
                reportId));
    }

    @Test
    void theStatusFollowsTheConfirmedTasksFromNewToInProgressToClosed() {
        String reportId = publish();
        As.office();
        String problem1 = problemId(reportId, "problem-1");
        String audit = task(reportId, "plan-1.1");
        TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + problem1 + "/links").then()
                .statusCode(200).body("status", equalTo("NEW"));

        TaskFixture.submitted(audit);
        As.office();
        given().get("/api/problems/" + problem1).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("statusName", equalTo("推进中"))
                .body("links[0].state", equalTo("SUBMITTED"));
        TaskFixture.post(audit, "close", null).statusCode(200);
        given().get("/api/problems/" + problem1).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("statusName", equalTo("已销号"));
    }

    @Test
    void officeLeadersAndAuditorsReadOnlyTheOfficeLinksDepartmentsAreRefused() {
        String reportId = publish();
        As.office();
        String problem1 = problemId(reportId, "problem-1");
        String audit = task(reportId, "plan-1.1");
        for (Runnable reader : List.<Runnable>of(As::leader, As::auditor)) {
            reader.run();
            given().queryParam("reportId", reportId).get("/api/problems").then().statusCode(200)
                    .body("total", equalTo(3));
            given().get("/api/problems/" + problem1).then().statusCode(200).body("problemId", equalTo("problem-1"));
            TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + problem1 + "/links").then()
                    .statusCode(403).contentType("application/problem+json");
            given().delete("/api/problems/" + problem1 + "/links/" + audit).then().statusCode(403);
        }
        for (Runnable department : List.<Runnable>of(As::judicial, As::market)) {
            department.run();
            given().queryParam("reportId", reportId).get("/api/problems").then().statusCode(403)
                    .contentType("application/problem+json");
            given().get("/api/problems/" + problem1).then().statusCode(403);
            TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + problem1 + "/links").then()
                    .statusCode(403);
            given().delete("/api/problems/" + problem1 + "/links/" + audit).then().statusCode(403);
        }
        As.nobody();
        given().get("/api/problems").then().statusCode(401);
        As.office();
        JsonPath p = problems(reportId);
        assertFalse(p.getBoolean("items[0].covered"), "nothing the refused callers sent changed a link");
        assertEquals("SUGGESTED", p.getString("items[0].links[0].status"));
    }

    /** The task page's 整改的问题: {@code taskId} narrows the list to the problems the task addresses. */
    @Test
    void taskIdListsTheProblemsATaskAddressesToTheOfficeLeadersAndAuditorsOnly() {
        String reportId = publish();
        As.office();
        String problem1 = problemId(reportId, "problem-1");
        String problem2 = problemId(reportId, "problem-2");
        String audit = task(reportId, "plan-1.1");
        String legalAid = task(reportId, "plan-1.2");
        TaskFixture.json().body(Map.of("taskId", audit)).post("/api/problems/" + problem1 + "/links").then()
                .statusCode(200);

        for (Runnable reader : List.<Runnable>of(As::office, As::leader, As::auditor)) {
            reader.run();
            given().queryParam("taskId", audit).get("/api/problems").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.problemId", equalTo(List.of("problem-1")))
                    .body("items[0].links.find { it.taskId == '" + audit + "' }.status", equalTo("CONFIRMED"));
            // a suggestion counts until the office rejects it
            given().queryParam("taskId", legalAid).get("/api/problems").then().statusCode(200)
                    .body("items.problemId", equalTo(List.of("problem-2")))
                    .body("items[0].links.find { it.taskId == '" + legalAid + "' }.status", equalTo("SUGGESTED"));
            given().queryParam("taskId", UUID.randomUUID()).get("/api/problems").then().statusCode(200)
                    .body("items", empty()).body("total", equalTo(0));
        }
        // with the other filters, as every filter narrows
        given().queryParam("taskId", audit).queryParam("covered", false).get("/api/problems").then()
                .statusCode(200).body("total", equalTo(0));

        // departments stay refused, the lead (judicial) and the co-department (market) of the task included: a
        // problem belongs to the whole report, not to one department
        TaskFixture.dispatched(audit);
        for (Runnable department : List.<Runnable>of(As::judicial, As::market)) {
            department.run();
            given().queryParam("taskId", audit).get("/api/problems").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        As.nobody();
        given().queryParam("taskId", audit).get("/api/problems").then().statusCode(401);

        As.office();
        given().delete("/api/problems/" + problem2 + "/links/" + legalAid).then().statusCode(200);
        given().queryParam("taskId", legalAid).get("/api/problems").then().statusCode(200)
                .body("items", empty());
        given().queryParam("taskId", "not-a-task").get("/api/problems").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aReportWithoutProblemsHasNone() {
        As.office();
        String task = TaskFixture.draft();
        String reportId = (String) TaskFixture.rows("select report_id::text from task where id = ?::uuid", task)
                .get(0).get(0);
        given().queryParam("reportId", reportId).get("/api/problems").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        given().get("/api/problems").then().statusCode(200).body("total", greaterThan(0));
    }
}
