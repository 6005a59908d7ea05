package rol.task.rectification;

import rol.testsupport.As;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportPublishedV1.Problem;
import rol.platform.event.report.ReportRevisedV1;
import rol.task.lifecycle.TaskFixture;
import rol.task.plan.PublishedReports;
import rol.task.plan.ReportEventsHandler;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.revised.v1: drafts follow the corrected report; dispatched tasks wait for the office to accept a change. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class RevisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // relative years: a plan whose time has passed is suggested the end of this year instead
    private static final int PLAN_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;

    private static final PlanItem THEME = new PlanItem("plan-1", null, "（一）规范行政执法", "（一）规范行政执法", false, null);
    private static final PlanItem AUDIT = new PlanItem("plan-1.1", "plan-1", "开展行政执法案卷评查",
            "开展行政执法案卷评查，规范行政执法程序。", true, new ReportPublishedV1.Span(100, 120));
    private static final PlanItem LEGAL_AID = new PlanItem("plan-1.2", "plan-1", "扩大法律援助覆盖面",
            "扩大法律援助覆盖面。", true, null);
    private static final List<Problem> PROBLEMS = List.of(
            new Problem("problem-1", null, "一是行政执法程序不够规范，案卷评查发现问题较多。", null),
            new Problem("problem-2", null, "二是法律援助覆盖面不广。", null));

    @AfterEach
    void signOut() {
        As.nobody();
    }

    static String publish() {
        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局",
                "法治政府建设情况报告", PLAN_YEAR - 1, PLAN_YEAR, List.of(THEME, AUDIT, LEGAL_AID), PROBLEMS));
        return reportId;
    }

    static void revise(String reportId, int revision, List<PlanItem> items, List<Problem> problems) {
        ReportRevisedV1 data = new ReportRevisedV1(reportId, "licheng", revision, "泉州市鲤城区司法局",
                "法治政府建设情况报告", PLAN_YEAR - 1, PLAN_YEAR, items, problems);
        CloudEvent event = new CloudEvent(null, UUID.randomUUID().toString(), "/report-service", ReportRevisedV1.TYPE,
                reportId, OffsetDateTime.now(), null, EventJson.tree(data));
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    static String task(String reportId, String item) {
        return RectificationTest.task(reportId, item);
    }

    static PlanItem edited(PlanItem item, String title, String text) {
        return new PlanItem(item.id(), item.parentId(), title, text, item.leaf(), item.span());
    }

    static List<Object> history(String task) {
        return TaskFixture.rows("select action || ':' || actor from task_history where task_id = ?::uuid order by id",
                UUID.fromString(task)).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void aDraftFollowsTheRevisionInPlaceWithHistoryAndAnEvent() throws Exception {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        revise(reportId, 1, List.of(THEME, edited(AUDIT, "开展行政执法案卷集中评查", "6月底前开展行政执法案卷集中评查。"),
                LEGAL_AID), PROBLEMS);

        As.office();
        given().get("/api/tasks/" + audit).then().statusCode(200)
                .body("title", equalTo("开展行政执法案卷集中评查"))
                .body("text", equalTo("6月底前开展行政执法案卷集中评查。"))
                .body("state", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("suggestion.deadline", equalTo(PLAN_YEAR + "-06-30"))
                .body("suggestion.reasons.deadline.rule", equalTo("MONTH_END"));
        assertEquals(List.of("task.created.v1", "task.updated.v1"), TaskFixture.types(audit));
        JsonNode updated = JSON.readTree((String) TaskFixture.events(audit).get(1).get(1));
        assertEquals("开展行政执法案卷集中评查", updated.at("/task/title").asText());
        assertEquals("report-revision", updated.at("/actor").asText());
        assertEquals(List.of("title", "text"), JSON.convertValue(updated.at("/changed"), List.class));
        assertEquals(1, updated.at("/task/version").asInt());
        assertEquals(List.of("REVISE:report-revision"), history(audit));
        // the untouched draft is left alone
        assertEquals(List.of("task.created.v1"), TaskFixture.types(task(reportId, "plan-1.2")));
    }

    @Test
    void aDispatchedTaskIsNotChangedTheChangeWaitsForTheOfficeToAccept() throws Exception {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        TaskFixture.dispatched(audit);
        revise(reportId, 1, List.of(THEME, edited(AUDIT, "开展行政执法案卷集中评查", "开展行政执法案卷集中评查。"),
                LEGAL_AID), PROBLEMS);

        As.office();
        given().get("/api/tasks/" + audit).then().statusCode(200)
                .body("title", equalTo("开展行政执法案卷评查")).body("version", equalTo(1));
        assertEquals(List.of("task.created.v1", "task.dispatched.v1"), TaskFixture.types(audit));
        JsonPath pending = given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(200)
                .body("pending", equalTo(1))
                .body("items[0].kind", equalTo("CHANGE"))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].revision", equalTo(1))
                .body("items[0].before.title", equalTo("开展行政执法案卷评查"))
                .body("items[0].after.title", equalTo("开展行政执法案卷集中评查"))
                .body("items[0].after.span.start", equalTo(100))
                .extract().jsonPath();
        String rid = pending.getString("items[0].id");

        given().header("If-Match", "\"0\"").post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/accept")
                .then().statusCode(412);
        given().header("If-Match", "\"1\"").post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/accept")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("office1"));
        given().get("/api/tasks/" + audit).then().statusCode(200)
                .body("title", equalTo("开展行政执法案卷集中评查")).body("text", equalTo("开展行政执法案卷集中评查。"))
                .body("state", equalTo("DISPATCHED"));
        assertEquals(List.of("task.created.v1", "task.dispatched.v1", "task.updated.v1"), TaskFixture.types(audit));
        JsonNode updated = JSON.readTree((String) TaskFixture.events(audit).get(2).get(1));
        assertEquals("office1", updated.at("/actor").asText());
        assertEquals(List.of("title", "text"), JSON.convertValue(updated.at("/changed"), List.class));
        assertEquals(List.of("DISPATCH:office1", "UPDATE_DEFINITION:office1"), history(audit));
        given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/accept").then().statusCode(409);
        given().post("/api/tasks/" + audit + "/pending-revisions/" + UUID.randomUUID() + "/accept").then()
                .statusCode(404);
    }

    @Test
    void theOfficeMayRejectAChangeAndTheTaskStaysAsItWas() {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        TaskFixture.acknowledged(audit);
        revise(reportId, 1, List.of(THEME, edited(AUDIT, "另一个标题", "另一段正文。"), LEGAL_AID), PROBLEMS);
        As.office();
        String rid = given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(200)
                .extract().path("items[0].id");
        given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).header("ETag", "\"2\"");
        given().get("/api/tasks/" + audit).then().body("title", equalTo("开展行政执法案卷评查"))
                .body("state", equalTo("ACKNOWLEDGED"));
        given().get("/api/tasks/" + audit + "/pending-revisions").then().body("pending", equalTo(0));
        assertEquals(List.of("task.created.v1", "task.dispatched.v1", "task.acknowledged.v1"),
                TaskFixture.types(audit));
        assertEquals("REJECT_REVISION:office1", history(audit).get(history(audit).size() - 1));
        given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/reject").then().statusCode(409);
    }

    @Test
    void addedItemsBecomeDraftsRemovedDraftsAreCancelledRemovedDispatchedTasksWait() throws Exception {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        String legalAid = task(reportId, "plan-1.2");
        TaskFixture.dispatched(audit);
        PlanItem added = new PlanItem("plan-x4", "plan-1", "推行行政执法“三项制度”", "全面推行行政执法“三项制度”。", true,
                null);
        revise(reportId, 1, List.of(THEME, added), PROBLEMS);

        String created = task(reportId, "plan-x4");
        assertEquals(List.of("task.created.v1"), TaskFixture.types(created));
        assertEquals("DRAFT", TaskFixture.state(created));

        assertEquals("CANCELLED", TaskFixture.state(legalAid));
        assertEquals(List.of("task.created.v1", "task.cancelled.v1"), TaskFixture.types(legalAid));
        JsonNode cancelled = JSON.readTree((String) TaskFixture.events(legalAid).get(1).get(1));
        assertEquals("报告修订中删除了该事项", cancelled.at("/reason").asText());
        assertEquals("DRAFT", cancelled.at("/previousState").asText());
        assertEquals(List.of("CANCEL:report-revision"), history(legalAid));

        assertEquals("DISPATCHED", TaskFixture.state(audit));
        As.office();
        String rid = given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(200)
                .body("items[0].kind", equalTo("REMOVAL")).body("items[0].after", equalTo(null))
                .extract().path("items[0].id");
        given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/accept").then().statusCode(200);
        assertEquals("CANCELLED", TaskFixture.state(audit));
        JsonNode event = JSON.readTree((String) TaskFixture.events(audit).get(2).get(1));
        assertEquals("task.cancelled.v1", TaskFixture.types(audit).get(2));
        assertEquals("报告修订中删除了该事项", event.at("/reason").asText());
        assertEquals("DISPATCHED", event.at("/previousState").asText());
    }

    @Test
    void aRevisionNotNewerThanTheLastAppliedChangesNothing() {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        revise(reportId, 2, List.of(THEME, edited(AUDIT, "第二次修订", "第二次修订。"), LEGAL_AID), PROBLEMS);
        revise(reportId, 1, List.of(THEME, edited(AUDIT, "第一次修订", "第一次修订。"), LEGAL_AID), PROBLEMS);
        revise(reportId, 2, List.of(THEME, edited(AUDIT, "重放", "重放。"), LEGAL_AID), PROBLEMS);
        assertEquals("第二次修订", TaskFixture.rows("select title from task where id = ?::uuid", UUID.fromString(audit))
                .get(0).get(0));
        assertEquals(List.of("task.created.v1", "task.updated.v1"), TaskFixture.types(audit));
        assertEquals(2L, TaskFixture.count("select revision from work_plan where report_id = ?::uuid",
                UUID.fromString(reportId)));
        // a revision of a report never published here is ignored, not an error
        revise(UUID.randomUUID().toString(), 1, List.of(AUDIT), PROBLEMS);
    }

    @Test
    void problemsFollowTheRevisionAndRejectedLinksStayRejected() {
        String reportId = publish();
        As.office();
        String problem1 = RectificationTest.problemId(reportId, "problem-1");
        String audit = task(reportId, "plan-1.1");
        given().delete("/api/problems/" + problem1 + "/links/" + audit).then().statusCode(200);

        revise(reportId, 1, List.of(THEME, AUDIT, LEGAL_AID), List.of(
                new Problem("problem-1", null, "一是行政执法程序不够规范，行政执法案卷评查发现问题较多。", null),
                new Problem("problem-x3", null, "三是法律援助覆盖面不广。", null)));
        JsonPath p = RectificationTest.problems(reportId);
        assertEquals(List.of("problem-1", "problem-x3"), p.getList("items.problemId"));
        assertEquals("一是行政执法程序不够规范，行政执法案卷评查发现问题较多。", p.getString("items[0].text"));
        assertEquals(problem1, p.getString("items[0].id"), "the same problem keeps its rectification");
        assertEquals("REJECTED", p.getString("items[0].links.find { it.taskId == '" + audit + "' }.status"));
        assertEquals("SUGGESTED", p.getString("items[1].links[0].status"));
        assertEquals(task(reportId, "plan-1.2"), p.getString("items[1].links[0].taskId"));
        assertTrue(TaskFixture.count("select count(*) from rectification where report_id = ?::uuid and removed",
                UUID.fromString(reportId)) == 1, "the deleted problem is kept, marked removed");
    }

    @Test
    void everyoneWhoReadsTheTaskReadsItsPendingRevisionsOnlyTheOfficeDecides() {
        String reportId = publish();
        String audit = task(reportId, "plan-1.1");
        TaskFixture.dispatched(audit);
        revise(reportId, 1, List.of(THEME, edited(AUDIT, "新标题", "新正文。"), LEGAL_AID), PROBLEMS);
        As.office();
        String rid = given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(200)
                .extract().path("items[0].id");
        for (Runnable reader : List.<Runnable>of(As::leader, As::auditor, As::judicial, As::market)) {
            reader.run();
            given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(200)
                    .body("pending", equalTo(1));
            given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/accept").then().statusCode(403)
                    .contentType("application/problem+json");
            given().post("/api/tasks/" + audit + "/pending-revisions/" + rid + "/reject").then().statusCode(403);
        }
        As.street();
        given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(404);
        As.nobody();
        given().get("/api/tasks/" + audit + "/pending-revisions").then().statusCode(401);
        As.office();
        given().get("/api/tasks/" + audit + "/pending-revisions").then().body("items.status", hasItems("PENDING"));
        assertFalse(TaskFixture.types(audit).contains("task.updated.v1"));
    }
}
