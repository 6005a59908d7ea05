package rol.task.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.event.report.ReportPublishedV1.Span;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;
import rol.task.workflow.TaskState;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The filters behind the dashboard's numbers: {@code leadOnly} (a department as the rollups count it, lead only) and
 * the closing day range and {@code closedOnTime} (当月销号 and 其中按期 of the completion curve, days in the
 * district's zone, Asia/Shanghai in tests), on the list and the ledger alike.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class LeadAndClosingFiltersTest {

    private String reportId;

    /**
     * a: judicial-bureau leads, closed 20 March, on time. b: it supports, closed 1 April 00:30 in Shanghai (still 31
     * March in UTC), late. c: it leads, closed 1 April 07:00 in Shanghai, a day after its deadline of 31 March (on
     * time by the UTC day). d: it leads, in progress. e: it leads, closed 10 April, on time. f: it supports, in
     * progress.
     */
    @BeforeEach
    void tasksLedAndSupportedClosedInMarchAndApril() {
        reportId = UUID.randomUUID().toString();
        List<PlanItem> items = new ArrayList<>();
        int at = 0;
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            items.add(new PlanItem(id, null, "整改事项" + id, "推进整改事项" + id + "。", true, new Span(at, at + 10)));
            at += 10;
        }
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "某区司法局", "某区司法局2024年法治政府建设情况报告",
                2024, 2025, items, List.of()));
        QuarkusTransaction.requiringNew().run(() -> {
            set("a", "judicial-bureau", "market-regulation", "2025-03-31", "2025-03-20T10:00+08:00");
            set("b", "market-regulation", "judicial-bureau", "2025-03-15", "2025-04-01T00:30+08:00");
            set("c", "judicial-bureau", null, "2025-03-31", "2025-04-01T07:00+08:00");
            set("d", "judicial-bureau", null, "2025-04-30", null);
            set("e", "judicial-bureau", null, "2025-05-31", "2025-04-10T09:00+08:00");
            set("f", "market-regulation", "judicial-bureau", "2025-04-30", null);
        });
    }

    private void set(String planItem, String lead, String co, String deadline, String closedAt) {
        Task t = Task.find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), planItem).firstResult();
        t.leadDepartment = lead;
        t.coDepartments = co == null ? new ArrayList<>() : new ArrayList<>(List.of(co));
        t.deadline = LocalDate.parse(deadline);
        t.state = closedAt == null ? TaskState.IN_PROGRESS : TaskState.CLOSED;
        t.closedAt = closedAt == null ? null : OffsetDateTime.parse(closedAt);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void leadOnlyKeepsTheTasksTheDepartmentLeads() {
        assertListed("department=judicial-bureau", "a", "b", "c", "d", "e", "f");
        assertListed("department=judicial-bureau&leadOnly=false", "a", "b", "c", "d", "e", "f");
        assertListed("department=judicial-bureau&leadOnly=true", "a", "c", "d", "e");
        assertListed("department=market-regulation&leadOnly=true", "b", "f");
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void closingsAreCountedByTheDayInTheDistrictsZone() {
        assertListed("closedFrom=2025-03-01&closedBefore=2025-04-01", "a");
        assertListed("closedFrom=2025-04-01&closedBefore=2025-05-01", "b", "c", "e");
        assertListed("closedFrom=2025-04-01", "b", "c", "e");
        assertListed("closedBefore=2025-04-01", "a");
        assertListed("closedFrom=2025-05-01&closedBefore=2025-06-01");
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void onTimeMeansClosedOnOrBeforeTheDeadlineThere() {
        assertListed("closedOnTime=true", "a", "e");
        assertListed("closedOnTime=false", "b", "c");
        assertListed("closedFrom=2025-04-01&closedBefore=2025-05-01&closedOnTime=true", "e");
        assertListed("closedFrom=2025-04-01&closedBefore=2025-05-01&closedOnTime=false", "b", "c");
        // one department's month, as its own completion curve counts it
        assertListed("department=judicial-bureau&leadOnly=true&closedFrom=2025-04-01&closedBefore=2025-05-01", "c", "e");
        assertListed("department=judicial-bureau&leadOnly=true&closedFrom=2025-04-01&closedBefore=2025-05-01"
                + "&closedOnTime=true", "e");
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theLedgerTakesTheSameFilters() {
        String csv = given().queryParam("format", "csv").queryParam("reportId", reportId)
                .queryParam("department", "judicial-bureau").queryParam("leadOnly", true)
                .queryParam("closedFrom", "2025-04-01").queryParam("closedBefore", "2025-05-01")
                .get("/api/ledger").then().statusCode(200).extract().asString();
        List<String> listed = Arrays.stream("abcdef".split("")).filter(id -> csv.contains("整改事项" + id)).toList();
        assertEquals(List.of("c", "e"), listed);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void badCombinationsAreRefusedNamingTheParameter() {
        for (String path : List.of("/api/tasks", "/api/ledger")) {
            given().queryParam("leadOnly", true).get(path).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("leadOnly"))
                    .body("errors[0].message", containsString("仅牵头单位"));
            given().queryParam("closedFrom", "2025-04-01").queryParam("closedBefore", "2025-04-01").get(path)
                    .then().statusCode(400).body("errors[0].field", equalTo("closedBefore"))
                    .body("errors[0].message", containsString("2025-04-01"));
        }
        given().queryParam("closedFrom", "2025-05-01").queryParam("closedBefore", "2025-04-01").get("/api/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("closedBefore"));
        given().queryParam("closedFrom", "2025-02-30").get("/api/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("closedFrom"));
    }

    private void assertListed(String query, String... planItems) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=");
            params.put(kv[0], kv[1]);
        }
        given().queryParam("reportId", reportId).queryParams(params).queryParam("size", 50).get("/api/tasks")
                .then().statusCode(200).body("total", equalTo(planItems.length))
                .body("items.planItemId", containsInAnyOrder((Object[]) planItems));
    }
}
