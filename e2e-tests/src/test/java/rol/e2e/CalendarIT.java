package rol.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.task;

/**
 * The done-criterion of the office-kept calendar: entering 2027 by hand in the running stack moves the next reminder of
 * a task due in 2027, as notification-service sends it, without a restart of anything.
 *
 * <p>Due Tuesday 2027-10-12. Counting weekends only (2027 not entered), "7 working days before" is Friday 10-01 and
 * Monday 09-27 is no reminder day (14 before is 09-22). With 10-01 to 10-07 off and Saturday 10-09 worked, 7 before is
 * Monday 09-27. Only days of September and October 2027 are entered, which no other suite counts with.
 */
@ExtendWith(RunningSystem.class)
class CalendarIT {

    private static final LocalDate DEADLINE = LocalDate.of(2027, 10, 12);

    @Test
    void a2027EnteredByHandMovesTheNextReminderWithoutARestart() {
        String id = Tasks.draft();
        as(task(), "office1").contentType(ContentType.JSON)
                .body(Map.of("leadDepartment", Tasks.OWN, "coDepartments", List.of(), "deadline", DEADLINE.toString()))
                .post("/api/tasks/" + id + "/dispatch").then().statusCode(200);
        // notification-service has planned the task once its dispatch notice is in the department's inbox; quiet hours
        // (22:00-08:00 in Shanghai, when this suite often runs) hold the notice, so the clock goes to a working morning
        OffsetDateTime morning = NotificationClock.nextMorning();
        await("the dispatch notice").atMost(Tasks.LOST_EVENT_GUARD).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    moveClock(morning);
                    return kinds(id).contains("DISPATCHED");
                });

        for (int day = 1; day <= 7; day++) {
            put("2027-10-0" + day, "HOLIDAY");
        }
        put("2027-10-09", "WORKING_DAY");
        as(task(), "auditor1").get("/api/calendar/2027").then().statusCode(200).body("covered", equalTo(true))
                .body("months[9].holidays.size()", equalTo(7));

        // the published year reaches notification-service and re-plans the task; on 09-27 the 7-day reminder goes
        // out (counting weekends only it would have come on 10-01, to which the clock never moves)
        await("the 7-day reminder on 2027-09-27").atMost(Tasks.LOST_EVENT_GUARD).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    moveClock(OffsetDateTime.of(2027, 9, 27, 9, 0, 0, 0, ZoneOffset.ofHours(8)));
                    return texts(id, "BEFORE_DEADLINE").stream().anyMatch(t -> t.contains("还有7个工作日"));
                });
        moveClock(OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    private static void put(String date, String kind) {
        as(task(), "office1").contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "name", "国庆节", "reason", "按2027年放假安排录入"))
                .put("/api/calendar/2027/days/" + date).then().statusCode(200);
    }

    private static List<String> kinds(String taskId) {
        return inbox(taskId, "kind");
    }

    private static List<String> texts(String taskId, String kind) {
        return inbox(taskId, "findAll { it.kind == '" + kind + "' }.body");
    }

    /** A member of the task's notices in the department's inbox (the newest hundred). */
    private static List<String> inbox(String taskId, String path) {
        return as(notification(), "judicial1").queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.taskId == '" + taskId + "' }." + path, String.class);
    }

    private static void moveClock(OffsetDateTime to) {
        NotificationClock.move(to);
    }
}
