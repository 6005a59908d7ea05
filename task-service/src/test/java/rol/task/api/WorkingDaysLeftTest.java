package rol.task.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.platform.quarkus.MovableClock;
import rol.task.plan.PublishedReports;
import rol.task.plan.Task;
import rol.task.workflow.TaskState;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code workingDaysLeft} of the task view: 工作日 to the deadline by the district's calendar (the seeded 2026 one:
 * 春节 off 2026-02-15..23, Saturdays 2026-02-14 and 2026-02-28 worked), negative once overdue, null when nothing is
 * left to count. Every expected number below is counted by hand from that notice, not by the code under test.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class WorkingDaysLeftTest {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Inject
    MovableClock clock;

    private String reportId;

    @BeforeEach
    void tasksAroundTheSpringFestival() {
        reportId = UUID.randomUUID().toString();
        List<String> items = List.of("due-today", "in-holiday", "after-holiday", "overdue", "closed", "no-deadline");
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "2025年法治政府建设情况报告",
                2025, 2026, items.stream().map(i -> new PlanItem(i, null, "任务" + i, "任务" + i + "。", true, null))
                .toList(), List.of()));
        QuarkusTransaction.requiringNew().run(() -> {
            set("due-today", TaskState.IN_PROGRESS, LocalDate.of(2026, 2, 13));      // a Friday
            set("in-holiday", TaskState.ACKNOWLEDGED, LocalDate.of(2026, 2, 16));    // Monday, a day of 春节
            set("after-holiday", TaskState.DISPATCHED, LocalDate.of(2026, 3, 2));    // Monday after the worked Saturday
            set("overdue", TaskState.IN_PROGRESS, LocalDate.of(2026, 2, 6));         // the Friday before
            set("closed", TaskState.CLOSED, LocalDate.of(2026, 2, 20));
            set("no-deadline", TaskState.DRAFT, null);
        });
    }

    private void set(String item, TaskState state, LocalDate deadline) {
        Task t = Task.find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), item).firstResult();
        t.leadDepartment = state == TaskState.DRAFT ? null : "judicial-bureau";
        t.state = state;
        t.deadline = deadline;
    }

    @AfterEach
    void reset() {
        As.nobody();
        clock.reset();
    }

    /** Today in the district at 7:30, when it is still yesterday in UTC: counting from the wrong zone would show. */
    private void today(LocalDate day) {
        clock.set(ZonedDateTime.of(day, LocalTime.of(7, 30), DISTRICT).toInstant());
    }

    private ValidatableResponse list() {
        return given().queryParam("reportId", reportId).queryParam("size", 50).get("/api/tasks").then().statusCode(200)
                .body("total", equalTo(6));
    }

    private static String left(String item) {
        return "items.find { it.planItemId == '" + item + "' }.workingDaysLeft";
    }

    @Test
    void countsWorkingDaysAcrossTheHolidayAndTheWorkedSaturday() {
        today(LocalDate.of(2026, 2, 13));
        As.office();
        list().body(left("due-today"), equalTo(0))
                // Saturday 14th is worked, 15th and 16th are off
                .body(left("in-holiday"), equalTo(1))
                // 14th; 24th-27th; Saturday 28th; 2 March (1 March is a Sunday)
                .body(left("after-holiday"), equalTo(7))
                // overdue since 9th-13th: five working days
                .body(left("overdue"), equalTo(-5))
                .body(left("closed"), nullValue())
                .body(left("no-deadline"), nullValue());
        // a department reads the same count on its own task, and so does the single task's view
        As.judicial();
        String id = Task.<Task>find("reportId = ?1 and planItemId = ?2", UUID.fromString(reportId), "after-holiday")
                .firstResult().id.toString();
        given().get("/api/tasks/" + id).then().statusCode(200).body("workingDaysLeft", equalTo(7));
    }

    @Test
    void overdueCountsOnlyTheWorkingDaysSinceTheDeadline() {
        // twelve calendar days after the 13th, but only the 14th, 24th and 25th were worked
        today(LocalDate.of(2026, 2, 25));
        As.office();
        list().body(left("due-today"), equalTo(-3))
                .body(left("in-holiday"), equalTo(-2))
                // 26th, 27th, Saturday 28th, 2 March
                .body(left("after-holiday"), equalTo(4))
                .body(left("overdue"), equalTo(-8));
    }

    @Test
    void aDayOffRightAfterTheDeadlineIsNotAWorkingDayOverdue() {
        // Saturday 7 February: the deadline (Friday 6th) has passed, yet no working day since
        today(LocalDate.of(2026, 2, 7));
        As.office();
        list().body(left("overdue"), equalTo(0))
                .body("items.find { it.planItemId == 'overdue' }.lightReason", equalTo("OVERDUE"))
                // Sunday 8th, then 9th-13th
                .body(left("due-today"), equalTo(5));
    }
}
