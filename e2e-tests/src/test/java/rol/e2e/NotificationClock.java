package rol.e2e;

import io.restassured.http.ContentType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;

/**
 * notification-service's movable clock on the e2e stack. Quiet hours (22:00-08:00 in Shanghai, when CI often runs)
 * hold every notice, so a suite that waits for one first moves the clock to a working morning, and puts it back.
 */
final class NotificationClock {

    private NotificationClock() {
    }

    static void move(OffsetDateTime to) {
        as(notification(), "office1").contentType(ContentType.JSON).body(Map.of("at", to.toString()))
                .post("/api/clock").then().statusCode(200);
    }

    /** Back to the real time. */
    static void reset() {
        move(OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    /** 10:00 in Shanghai on the next day that has one ahead: past the quiet hours whatever the time now. */
    static OffsetDateTime nextMorning() {
        return morningAfter(OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    private static OffsetDateTime morningAfter(OffsetDateTime t) {
        OffsetDateTime ten = t.withHour(10).withMinute(0).withSecond(0).withNano(0);
        return ten.isAfter(t) ? ten : ten.plusDays(1);
    }
}
