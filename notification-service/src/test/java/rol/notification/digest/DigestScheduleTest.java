package rol.notification.digest;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigestScheduleTest {

    private final DigestSchedule monday830 =
            new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(8, 30), ZoneId.of("Asia/Shanghai"));

    @Test
    void dueFromTheHourInShanghaiToTheEndOfTheIsoWeek() {
        // Monday 2025-06-30 08:30 in Shanghai is 00:30 UTC
        assertEquals(Optional.empty(), monday830.dueWeek(Instant.parse("2025-06-30T00:29:59Z")));
        assertEquals(Optional.of("2025-W27"), monday830.dueWeek(Instant.parse("2025-06-30T00:30:00Z")));
        assertEquals(Optional.of("2025-W27"), monday830.dueWeek(Instant.parse("2025-07-06T15:59:59Z")));
        // Sunday 16:00 UTC is Monday 00:00 in Shanghai: a new week, not yet due
        assertEquals(Optional.empty(), monday830.dueWeek(Instant.parse("2025-07-06T16:00:00Z")));
    }

    @Test
    void anotherDayOfTheWeek() {
        DigestSchedule friday17 = new DigestSchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 0), ZoneId.of("Asia/Shanghai"));
        assertEquals(Optional.empty(), friday17.dueWeek(Instant.parse("2025-07-03T09:00:00Z")));
        assertEquals(Optional.of("2025-W27"), friday17.dueWeek(Instant.parse("2025-07-04T09:00:00Z")));
    }

    @Test
    void isoWeeksAcrossTheYearEnd() {
        assertEquals("2025-W01", DigestSchedule.isoWeek(LocalDate.of(2024, 12, 30)));
        assertEquals("2026-W53", DigestSchedule.isoWeek(LocalDate.of(2027, 1, 3)));
    }
}
