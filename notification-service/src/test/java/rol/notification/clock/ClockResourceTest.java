package rol.notification.clock;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.TaskEvents;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clock control of a local stack: office only, moves the clock and runs the due scan at once. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ClockResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    TaskEvents events;

    /** The bundled 2026: no test publishes a calendar for it. */
    private final WorkingCalendar calendar = WorkingCalendar.chinaDefault();

    @AfterEach
    void reset() {
        clock.reset();
        As.nobody();
    }

    @Test
    void movingTheClockRunsTheDueScanAtOnce() {
        As.office();
        given().contentType("application/json").body(Map.of("at", "2026-06-01T09:00:00+08:00"))
                .post("/api/clock").then().statusCode(200)
                .body("now", org.hamcrest.Matchers.startsWith("2026-06-01T01:00:0")).body("ran.job", hasItem("reminders"));
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        TaskV1 task = events.dispatched("时钟演示任务", deadline);
        events.apply(TaskDispatchedV1.TYPE, task);

        long days = Duration.between(LocalDate.of(2026, 6, 1).atStartOfDay(),
                calendar.plusWorkingDays(deadline, -14).atStartOfDay()).toDays();
        given().contentType("application/json").body(Map.of("advance", "P" + days + "D"))
                .post("/api/clock").then().statusCode(200)
                .body("ran.find { it.job == 'reminders' }.result.notices", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        assertTrue(events.notices(task.taskId()).containsAll(List.of("BEFORE_DEADLINE DEPARTMENT judicial-bureau",
                "BEFORE_DEADLINE DEPARTMENT market-regulation")), events.notices(task.taskId())::toString);

        Instant now = given().get("/api/clock").then().statusCode(200).extract().jsonPath().getObject("now", String.class)
                .transform(Instant::parse);
        assertEquals(calendar.plusWorkingDays(deadline, -14), LocalDate.ofInstant(now, TaskEvents.CHINA));
    }

    @Test
    void aMoveIsEitherAnAdvanceOrATime() {
        As.office();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(),
                Map.of("advance", "P1D", "at", "2026-06-01T09:00:00+08:00"))) {
            given().contentType("application/json").body(body).post("/api/clock").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("advance"));
        }
        given().contentType("application/json").body(Map.of("advance", "3 days")).post("/api/clock").then()
                .statusCode(400).body("errors[0].message", equalTo("“3 days”不是有效的时长，应写成 P3D、PT2H 这样的格式。"));
        given().contentType("application/json").body(Map.of("advance", "-P1D")).post("/api/clock").then()
                .statusCode(400).body("errors[0].field", equalTo("advance"));
        given().contentType("application/json").body(Map.of("at", "明天")).post("/api/clock").then()
                .statusCode(400).body("errors[0].field", equalTo("at"));
        assertEquals(Duration.ZERO, clock.offset(), "a refused move moves nothing");
    }

    @Test
    void onlyTheOfficeMayReadOrMoveTheClock() {
        for (Runnable who : List.<Runnable>of(As::judicial, As::leader, As::auditor)) {
            who.run();
            given().get("/api/clock").then().statusCode(403).contentType("application/problem+json");
            given().contentType("application/json").body(Map.of("advance", "P1D")).post("/api/clock").then()
                    .statusCode(403);
        }
        As.nobody();
        given().get("/api/clock").then().statusCode(401);
        given().contentType("application/json").body(Map.of("advance", "P1D")).post("/api/clock").then()
                .statusCode(401);
        assertEquals(Duration.ZERO, clock.offset());
        As.office();
        given().get("/api/clock").then().statusCode(200).body("offset", equalTo("PT0S"));
    }
}
