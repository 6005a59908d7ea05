package rol.task.rectification;

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
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.ProblemsRecurredV1;
import rol.platform.event.report.ProblemsRecurredV1.Earlier;
import rol.platform.event.report.ProblemsRecurredV1.Recurrence;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportPublishedV1.Problem;
import rol.platform.event.report.ReportRevisedV1;
import rol.task.lifecycle.TaskFixture;
import rol.task.plan.PublishedReports;
import rol.task.plan.ReportEventsHandler;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * report.problems-recurred.v1: the pairs are stored (replaced whole per report), the earlier rectification is never
 * closed while a later report names its problem again, and both items show the recurrence to whoever reads them.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class RecurringProblemTest {

    private static final String PUBLICITY = "一是复议宣传覆盖不广，群众知晓率低。";
    private static final String TRAINING = "二是执法人员轮训不足。";

    @AfterEach
    void signOut() {
        As.nobody();
    }

    /** A report of the year with a plan item that addresses the first problem, and the two problems. */
    private static String publish(String reportId, int year) {
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "某区审计局", year + "年法治政府建设情况报告",
                year, year + 1, List.of(new PlanItem("plan-1", null, "扩大复议宣传覆盖", "扩大复议宣传覆盖，提高群众知晓率。",
                true, null)), List.of(new Problem("problem-1", "复议宣传覆盖不广", PUBLICITY, null),
                new Problem("problem-2", null, TRAINING, null))));
        return reportId;
    }

    private static Recurrence recurrence(String problemId, String earlierReport, String title, String earlierProblem) {
        return new Recurrence(problemId, title, List.of(2023, 2024),
                List.of(new Earlier(earlierReport, 2023, earlierProblem, "复议宣传覆盖不广", 0.62)));
    }

    private static void recurred(String reportId, List<Recurrence> problems) {
        handle(new ProblemsRecurredV1(reportId, "licheng", "某区审计局", 2024, problems));
    }

    private static void handle(ProblemsRecurredV1 data) {
        CloudEvent event = new CloudEvent(null, UUID.randomUUID().toString(), "/report-service",
                ProblemsRecurredV1.TYPE, data.reportId(), OffsetDateTime.now(), null, EventJson.tree(data));
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    private static List<List<Object>> pairs(String reportId) {
        return TaskFixture.rows("select problem_id, earlier_report_id::text, earlier_problem_id, report_year,"
                + " earlier_report_year, years::text, title, earlier_title, similarity from problem_recurrence"
                + " where report_id = ?::uuid order by problem_id, earlier_report_id, earlier_problem_id", reportId);
    }

    private static JsonPath problems(String reportId) {
        return given().queryParam("reportId", reportId).get("/api/problems").then().statusCode(200).extract().jsonPath();
    }

    private static String rectification(String reportId, String problemId) {
        return (String) TaskFixture.rows("select id::text from rectification where report_id = ?::uuid and problem_id = ?",
                reportId, problemId).get(0).get(0);
    }

    private static void closeTheTaskOf(String reportId) {
        As.office();
        String task = (String) TaskFixture.rows("select id::text from task where report_id = ?::uuid", reportId)
                .get(0).get(0);
        TaskFixture.json().body(Map.of("taskId", task))
                .post("/api/problems/" + rectification(reportId, "problem-1") + "/links").then().statusCode(200);
        TaskFixture.submitted(task);
        As.office();
        TaskFixture.post(task, "close", null).statusCode(200);
    }

    @Test
    void aReplayedEventWritesTheSameRowsAndALaterOneReplacesThem() {
        String earlier = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        List<Recurrence> both = List.of(recurrence("problem-1", earlier, "复议宣传方式单一", "problem-1"),
                recurrence("problem-2", earlier, null, "problem-2"));
        recurred(later, both);
        List<List<Object>> first = pairs(later);
        assertEquals(2, first.size());
        assertEquals(List.of("problem-1", earlier, "problem-1", 2024, 2023, "[2023, 2024]", "复议宣传方式单一",
                "复议宣传覆盖不广", 0.62), first.get(0));
        recurred(later, both);
        assertEquals(first, pairs(later), "a replay writes the same rows");

        recurred(later, List.of(both.get(1)));
        assertEquals(List.of("problem-2"), pairs(later).stream().map(r -> r.get(0)).toList(), "the dropped pair goes");
        recurred(later, List.of());
        assertEquals(List.of(), pairs(later), "an empty event ends every recurrence of the report");
    }

    @Test
    void theEarlierItemIsReopenedAsRecurredAndTheLaterOneShowsTheYears() {
        String earlier = publish(UUID.randomUUID().toString(), 2023);
        String later = publish(UUID.randomUUID().toString(), 2024);
        closeTheTaskOf(earlier);
        String item = "/api/problems/" + rectification(earlier, "problem-1");
        given().get(item).then().statusCode(200).body("status", equalTo("CLOSED")).body("recurrence", nullValue());

        recurred(later, List.of(recurrence("problem-1", earlier, "复议宣传方式单一", "problem-1")));
        given().get(item).then().statusCode(200)
                .body("status", equalTo("RECURRED")).body("statusName", equalTo("再次出现"))
                .body("recurrence.years", contains(2023, 2024))
                .body("recurrence.earlier", empty())
                .body("recurrence.recurredIn[0].reportId", equalTo(later))
                .body("recurrence.recurredIn[0].reportYear", equalTo(2024))
                .body("recurrence.recurredIn[0].problemId", equalTo("problem-1"))
                .body("recurrence.recurredIn[0].title", equalTo("复议宣传覆盖不广"));
        JsonPath old = problems(earlier);
        assertEquals(2, old.getInt("open"), "再次出现 counts as open");
        assertEquals(1, old.getInt("recurring"));

        JsonPath newer = problems(later);
        assertEquals("NEW", newer.getString("items[0].status"), "recurring from earlier years does not reopen");
        assertEquals(List.of(2023, 2024), newer.getList("items[0].recurrence.years"));
        assertEquals(earlier, newer.getString("items[0].recurrence.earlier[0].reportId"));
        assertEquals(2023, newer.getInt("items[0].recurrence.earlier[0].reportYear"));
        assertEquals("复议宣传覆盖不广", newer.getString("items[0].recurrence.earlier[0].title"));
        assertNull(newer.get("items[1].recurrence"));
        given().queryParam("reportId", later).queryParam("recurring", true).get("/api/problems").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].problemId", equalTo("problem-1"));
        given().queryParam("reportId", later).queryParam("recurring", false).get("/api/problems").then()
                .statusCode(200).body("items.problemId", contains("problem-2"));

        // the revision drops the recurrence: the earlier item is closed again
        recurred(later, List.of());
        given().get(item).then().statusCode(200).body("status", equalTo("CLOSED")).body("recurrence", nullValue());
        assertEquals(1, problems(earlier).getInt("open"));
    }

    @Test
    void pairsWaitForTheReportsAndDropAProblemARevisionRemoved() {
        String earlier = UUID.randomUUID().toString();
        String later = publish(UUID.randomUUID().toString(), 2024);
        recurred(later, List.of(recurrence("problem-1", earlier, "复议宣传方式单一", "problem-1")));
        As.office();
        assertEquals(earlier, problems(later).getString("items[0].recurrence.earlier[0].reportId"),
                "shown before the earlier report reached task-service, with the event's title");

        publish(earlier, 2023);
        given().get("/api/problems/" + rectification(earlier, "problem-1")).then().statusCode(200)
                .body("status", equalTo("RECURRED")).body("recurrence.recurredIn[0].reportId", equalTo(later));

        // the later report's revision deletes the problem: its rectification is removed, the pair no longer counts
        ReportRevisedV1 revision = new ReportRevisedV1(later, "licheng", 1, "某区审计局", "2024年法治政府建设情况报告",
                2024, 2025, List.of(), List.of(new Problem("problem-2", null, TRAINING, null)));
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(new CloudEvent(null, UUID.randomUUID().toString(),
                "/report-service", ReportRevisedV1.TYPE, later, OffsetDateTime.now(), null, EventJson.tree(revision))));
        As.office();
        given().get("/api/problems/" + rectification(earlier, "problem-1")).then().statusCode(200)
                .body("status", equalTo("NEW")).body("recurrence", nullValue());
    }

    @Test
    void whoReadsTheItemReadsItsRecurrence() {
        String earlier = publish(UUID.randomUUID().toString(), 2023);
        String later = UUID.randomUUID().toString();
        recurred(later, List.of(recurrence("problem-1", earlier, "复议宣传方式单一", "problem-1")));
        String item = "/api/problems/" + rectification(earlier, "problem-1");
        for (Runnable reader : List.<Runnable>of(As::office, As::leader, As::auditor)) {
            reader.run();
            given().get(item).then().statusCode(200).body("recurrence.recurredIn[0].reportId", equalTo(later));
            given().queryParam("reportId", earlier).queryParam("recurring", true).get("/api/problems").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("RECURRED"));
        }
        for (Runnable department : List.<Runnable>of(As::judicial, As::market)) {
            department.run();
            given().get(item).then().statusCode(403).contentType("application/problem+json");
            given().queryParam("recurring", true).get("/api/problems").then().statusCode(403);
        }
        As.nobody();
        given().queryParam("recurring", true).get("/api/problems").then().statusCode(401);
        As.office();
        given().queryParam("recurring", "maybe").get("/api/problems").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEventWithoutAValidReportIdCanNeverBeApplied() {
        var bad = new ProblemsRecurredV1("not-a-uuid", "licheng", "某区审计局", 2024, List.of());
        assertThrows(MalformedEventException.class, () -> handle(bad));
        var badEarlier = new ProblemsRecurredV1(UUID.randomUUID().toString(), "licheng", "某区审计局", 2024,
                List.of(recurrence("problem-1", "nope", "t", "problem-1")));
        assertThrows(MalformedEventException.class, () -> handle(badEarlier));
    }
}
