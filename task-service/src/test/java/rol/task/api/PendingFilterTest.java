package rol.task.api;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportRevisedV1;
import rol.task.lifecycle.TaskFixture;
import rol.task.plan.PublishedReports;
import rol.task.plan.ReportEventsHandler;
import rol.task.plan.Task;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /api/tasks?pending=EXTENSION|REVISION}: the office's 待办 asks for the tasks waiting for its decision.
 * Three tasks of one report: one with a pending extension request, one with a pending report revision, one with
 * neither; each role sees the filter's tasks among those it may see.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class PendingFilterTest {

    private static final PlanItem EXTENDED = new PlanItem("plan-1", null, "开展行政执法案卷评查", "开展行政执法案卷评查。", true, null);
    private static final PlanItem REVISED = new PlanItem("plan-2", null, "扩大法律援助覆盖面", "扩大法律援助覆盖面。", true, null);
    private static final PlanItem PLAIN = new PlanItem("plan-3", null, "推进公共法律服务体系建设", "推进公共法律服务体系建设。", true, null);
    private static final int PLAN_YEAR = TaskFixture.today().getYear() + 1;

    private String reportId;
    private String extended;
    private String revised;
    private String plain;

    @BeforeEach
    void threeTasks() {
        reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "法治政府建设情况报告",
                PLAN_YEAR - 1, PLAN_YEAR, List.of(EXTENDED, REVISED, PLAIN), List.of()));
        extended = task("plan-1");
        revised = task("plan-2");
        plain = task("plan-3");
        TaskFixture.acknowledged(extended);
        As.judicial();
        TaskFixture.json().body(Map.of("newDeadline", TaskFixture.today().plusDays(90).toString(), "reason", "需协调多部门"))
                .post("/api/tasks/" + extended + "/extension-requests").then().statusCode(201);
        TaskFixture.dispatched(revised);
        TaskFixture.dispatched(plain);
        revise(List.of(EXTENDED, new PlanItem("plan-2", null, "扩大法律援助覆盖面至全区各街道",
                "扩大法律援助覆盖面至全区各街道。", true, null), PLAIN));
    }

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private String task(String item) {
        return QuarkusTransaction.requiringNew().call(() -> Task.<Task>find("reportId = ?1 and planItemId = ?2",
                UUID.fromString(reportId), item).firstResult().id.toString());
    }

    private void revise(List<PlanItem> items) {
        ReportRevisedV1 data = new ReportRevisedV1(reportId, "licheng", 1, "泉州市鲤城区司法局", "法治政府建设情况报告",
                PLAN_YEAR - 1, PLAN_YEAR, items, List.of());
        CloudEvent event = new CloudEvent(null, UUID.randomUUID().toString(), "/report-service", ReportRevisedV1.TYPE,
                reportId, OffsetDateTime.now(), null, EventJson.tree(data));
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    private void sees(String pending, String... ids) {
        var response = given().queryParam("reportId", reportId).queryParam("pending", pending).get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(ids.length));
        for (int i = 0; i < ids.length; i++) {
            response.body("items[" + i + "].id", equalTo(ids[i]));
        }
    }

    @Test
    void theOfficeLeadersAndAuditorsSeeWhatWaitsForTheOffice() {
        for (Runnable role : List.<Runnable>of(As::office, As::leader, As::auditor)) {
            role.run();
            sees("EXTENSION", extended);
            sees("REVISION", revised);
            // without the filter all three
            given().queryParam("reportId", reportId).get("/api/tasks").then().body("total", equalTo(3));
        }
    }

    @Test
    void aDepartmentSeesOnlyItsOwnTasksAmongThem() {
        As.judicial();
        sees("EXTENSION", extended);
        sees("REVISION", revised);
        // the market regulator supports all three; the street office is in none
        As.market();
        sees("EXTENSION", extended);
        As.street();
        sees("EXTENSION");
        sees("REVISION");
    }

    @Test
    void aDecidedRequestNoLongerWaits() {
        As.office();
        String rid = given().get("/api/tasks/" + extended + "/extension-requests").then().extract().path("items[0].id");
        TaskFixture.json().body(Map.of("approve", true)).header("If-Match", "\"" + TaskFixture.version(extended) + "\"")
                .post("/api/tasks/" + extended + "/extension-requests/" + rid + "/decision").then().statusCode(200);
        sees("EXTENSION");
        // combined with the other filters
        given().queryParam("reportId", reportId).queryParam("pending", "REVISION").queryParam("state", "ACKNOWLEDGED")
                .get("/api/tasks").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anUnknownValueIsNamed() {
        As.office();
        given().queryParam("pending", "LEAVE").get("/api/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pending"))
                .body("errors[0].message", containsString("EXTENSION"));
    }
}
