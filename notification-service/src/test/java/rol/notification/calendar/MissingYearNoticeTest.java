package rol.notification.calendar;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.TaskEvents;
import rol.platform.calendar.CalendarYear;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.calendar.CalendarUpdatedV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From 1 November, while next year is missing, the office's inbox gets one notice a week; it stops once the year is
 * entered. Uses 2031/2032, which no other test enters.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class MissingYearNoticeTest {

    @Inject
    MissingYearNotice job;

    @Inject
    MovableClock clock;

    @Inject
    TaskEvents events;

    @AfterEach
    void reset() {
        clock.reset();
        As.nobody();
    }

    @Test
    void weeklyFromNovemberUntilTheYearIsEntered() {
        at(2031, 10, 31);
        assertEquals(0, job.runDue(), "not before November");
        at(2031, 11, 3);
        assertEquals(1, job.runDue());
        at(2031, 11, 7);
        assertEquals(0, job.runDue(), "once a week");
        assertEquals(List.of("2031-W45"), events.rows("select week from calendar_missing_notice where year = ?::int",
                "2032"));
        at(2031, 11, 10);
        assertEquals(1, job.runDue(), "the next week again");
        List<String> texts = events.rows("select title || chr(10) || body from notice where kind = 'CALENDAR_MISSING'"
                + " and recipient_type = 'OFFICE' and body like '%' || ? || '%' order by id", "2032年");
        assertEquals(2, texts.size(), texts::toString);
        assertTrue(texts.get(0).startsWith("【提醒】2032年节假日安排尚未录入") && texts.get(0).contains("区委依法治区办")
                && texts.get(0).contains("粘贴"), texts.get(0));
        As.office();
        given().get("/api/inbox").then().statusCode(200).body("items.kind", hasItem("CALENDAR_MISSING"));

        events.apply(new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", CalendarUpdatedV1.TYPE,
                "2032", OffsetDateTime.now(), null, EventJson.tree(CalendarUpdatedV1.of(new CalendarYear(2032,
                        "测试：2032年", Map.of(LocalDate.of(2032, 1, 1), "元旦"), Map.of()), 1))));
        at(2031, 11, 17);
        assertEquals(0, job.runDue(), "entered: no more notices");
    }

    private void at(int year, int month, int day) {
        clock.set(OffsetDateTime.of(year, month, day, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant());
    }
}
