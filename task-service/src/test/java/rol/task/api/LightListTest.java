package rol.task.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.task.lights.TaskLights;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;
import rol.task.workflow.TaskState;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code light} of the task list and the ledger: combined with the other filters, paging and order, exported as
 * filtered, within each role's visibility, and a light that does not exist is refused in words.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class LightListTest {

    @Inject
    TaskLights lights;

    private String reportId;

    /** Two red tasks (one each for the judicial bureau and the market regulator), a yellow, a green, a closed, a draft. */
    @BeforeEach
    void tasksOfEveryLight() {
        reportId = UUID.randomUUID().toString();
        List<String> items = List.of("red-judicial", "red-market", "yellow", "green", "closed", "draft");
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "2025年法治政府建设情况报告",
                2025, 2026, items.stream().map(i -> new PlanItem(i, null, "任务" + i, "任务" + i + "。", true, null))
                .toList(), List.of()));
        LocalDate today = lights.today();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
        QuarkusTransaction.requiringNew().run(() -> {
            set("red-judicial", "judicial-bureau", TaskState.IN_PROGRESS, today.minusDays(5), now.minusDays(20), 70);
            set("red-market", "market-regulation", TaskState.DISPATCHED, today.minusDays(2), null, 0);
            set("yellow", "judicial-bureau", TaskState.ACKNOWLEDGED, today.plusDays(200), null, 0);
            set("green", "judicial-bureau", TaskState.IN_PROGRESS, today.plusDays(200), now.minusDays(1), 20);
            set("closed", "judicial-bureau", TaskState.CLOSED, today.minusDays(10), now.minusDays(12), 100);
        });
    }

    /** Dispatched 40 days ago; {@code feedback} null means never reported (silent for 40 days). */
    private void set(String item, String lead, TaskState state, LocalDate deadline, OffsetDateTime feedback, int percent) {
        Task t = Task.find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), item).firstResult();
        t.leadDepartment = lead;
        t.state = state;
        t.deadline = deadline;
        t.dispatchedAt = OffsetDateTime.now().minusDays(40);
        t.lastFeedbackAt = feedback;
        t.percent = percent;
        t.closedAt = state == TaskState.CLOSED ? OffsetDateTime.now().minusDays(11) : null;
    }

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private RequestSpecification list() {
        return given().queryParam("reportId", reportId);
    }

    @Test
    void theOfficeFiltersByLightWithTheOtherFilters() {
        As.office();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(2)).body("items.light", everyItem(equalTo("RED")))
                .body("items.planItemId", containsInAnyOrder("red-judicial", "red-market"));
        list().queryParam("light", "YELLOW").get("/api/tasks").then()
                .body("total", equalTo(1)).body("items[0].planItemId", equalTo("yellow"))
                .body("items[0].lightReason", equalTo("NO_FEEDBACK"));
        list().queryParam("light", "GREEN").get("/api/tasks").then()
                .body("total", equalTo(1)).body("items[0].planItemId", equalTo("green"));
        // repeated: any of them; drafts and closed tasks have no light and never match
        list().queryParam("light", "RED", "YELLOW", "GREEN").queryParam("sort", "-deadline").get("/api/tasks").then()
                .body("total", equalTo(4)).body("items[3].planItemId", equalTo("red-judicial"));
        list().queryParam("light", "RED").queryParam("department", "market-regulation").get("/api/tasks").then()
                .body("total", equalTo(1)).body("items[0].planItemId", equalTo("red-market"));
        list().queryParam("light", "RED").queryParam("state", "IN_PROGRESS").get("/api/tasks").then()
                .body("total", equalTo(1)).body("items[0].planItemId", equalTo("red-judicial"));
        list().queryParam("light", "RED").queryParam("overdue", "false").get("/api/tasks").then()
                .body("total", equalTo(0));
        list().queryParam("light", "RED").queryParam("q", "red-market").get("/api/tasks").then()
                .body("total", equalTo(1));
        // paging counts the filtered tasks
        list().queryParam("light", "RED").queryParam("sort", "deadline").queryParam("size", 1).queryParam("page", 1)
                .get("/api/tasks").then().body("total", equalTo(2)).body("items", hasSize(1))
                .body("items[0].planItemId", equalTo("red-market"));
        // an empty value is no filter
        list().queryParam("light", "").get("/api/tasks").then().statusCode(200).body("total", equalTo(6));
    }

    @Test
    void theLedgerExportsExactlyTheFilteredTasks() throws Exception {
        As.office();
        Response csv = list().queryParam("format", "csv").queryParam("light", "RED").get("/api/ledger");
        csv.then().statusCode(200);
        List<String> lines = new String(csv.asByteArray(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), "a header and the two red tasks: " + lines);
        Response xlsx = list().queryParam("format", "xlsx").queryParam("light", "YELLOW").queryParam("light", "GREEN")
                .get("/api/ledger");
        xlsx.then().statusCode(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            // a title row, the header and the yellow and the green task
            assertEquals(3, wb.getSheetAt(0).getLastRowNum());
        }
    }

    @Test
    void aDepartmentFiltersOnlyItsOwnTasks() {
        As.judicial();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items.planItemId", contains("red-judicial"));
        As.market();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(1)).body("items.planItemId", contains("red-market"));
        list().queryParam("light", "YELLOW").get("/api/tasks").then().body("total", equalTo(0));
        As.street();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200).body("total", equalTo(0));
        Response csv = list().queryParam("format", "csv").queryParam("light", "RED").get("/api/ledger");
        assertEquals(1, new String(csv.asByteArray(), StandardCharsets.UTF_8).lines().count(), "the header only");
    }

    @Test
    void leadersAndAuditorsFilterAllTasks() {
        As.leader();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200).body("total", equalTo(2));
        As.auditor();
        list().queryParam("light", "RED").get("/api/tasks").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aLightThatDoesNotExistIsRefusedInWords() {
        As.office();
        given().queryParam("light", "PURPLE").get("/api/tasks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("light"))
                .body("errors[0].message", containsString("RED"));
        given().queryParam("light", "RED,YELLOW").queryParam("format", "csv").get("/api/ledger").then()
                .statusCode(400).body("errors[0].field", equalTo("light"));
    }

    @Test
    void withoutATokenIs401() {
        given().queryParam("light", "RED").get("/api/tasks").then().statusCode(401);
    }
}
