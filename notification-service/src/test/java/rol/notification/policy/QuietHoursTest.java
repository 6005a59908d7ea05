package rol.notification.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.policy.Tasks.at;
import static rol.notification.policy.Tasks.d;

class QuietHoursTest {

    private final QuietHours night = QuietHours.defaults();

    @Test
    void nightQuietHoursCrossMidnightInBeijingTime() {
        assertFalse(night.isQuiet(at("2025-06-10T21:59")));
        assertTrue(night.isQuiet(at("2025-06-10T22:00")));
        assertTrue(night.isQuiet(at("2025-06-11T07:59")));
        assertFalse(night.isQuiet(at("2025-06-11T08:00")));
    }

    @Test
    void theNextAllowedInstantIsTheEndOfTheQuietPeriod() {
        assertEquals(at("2025-06-10T15:00"), night.nextAllowed(at("2025-06-10T15:00")));
        assertEquals(at("2025-06-11T08:00"), night.nextAllowed(at("2025-06-10T22:00")));
        assertEquals(at("2025-06-11T08:00"), night.nextAllowed(at("2025-06-10T23:30")));
        assertEquals(at("2025-06-11T08:00"), night.nextAllowed(at("2025-06-11T03:00")));
        assertEquals(at("2026-01-01T08:00"), night.nextAllowed(at("2025-12-31T22:30")));
    }

    @Test
    void quietHoursInsideOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), QuietHours.CHINA);
        assertTrue(lunch.isQuiet(at("2025-06-10T12:30")));
        assertFalse(lunch.isQuiet(at("2025-06-10T23:00")));
        assertEquals(at("2025-06-10T14:00"), lunch.nextAllowed(at("2025-06-10T12:30")));
    }

    @Test
    void noQuietHours() {
        QuietHours none = QuietHours.none(QuietHours.CHINA);
        assertFalse(none.isQuiet(at("2025-06-10T03:00")));
        assertEquals(at("2025-06-10T03:00"), none.nextAllowed(at("2025-06-10T03:00")));
    }

    @Test
    void aReminderGoesOutAtTheStartOfItsDayOrNowWhicheverIsLaterOutsideQuietHours() {
        assertEquals(at("2025-06-10T08:00"), night.earliestSend(d("2025-06-10"), at("2025-06-09T10:00")));
        assertEquals(at("2025-06-10T15:00"), night.earliestSend(d("2025-06-10"), at("2025-06-10T15:00")));
        assertEquals(at("2025-06-11T08:00"), night.earliestSend(d("2025-06-09"), at("2025-06-10T23:00")));
    }
}
