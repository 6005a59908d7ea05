package rol.notification.schedule;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UncoveredYearsTest {

    private final UncoveredYears years = new UncoveredYears(() -> WorkingCalendar.of(List.of(
            new CalendarYear(2026, "国办发明电〔2025〕号（测试）", Map.of(LocalDate.of(2026, 10, 1), "国庆节"), Map.of()))));

    @Test
    void aCoveredYearIsNeverReported() {
        assertFalse(years.firstMissing(LocalDate.of(2026, 6, 30)));
        assertFalse(years.firstMissing(null));
    }

    @Test
    void aMissingYearIsReportedAtItsFirstDayOnly() {
        assertTrue(years.firstMissing(LocalDate.of(2027, 6, 19)));
        assertFalse(years.firstMissing(LocalDate.of(2027, 12, 31)));
        assertFalse(years.firstMissing(LocalDate.of(2027, 6, 19)));
        assertTrue(years.firstMissing(LocalDate.of(2028, 1, 10)));
    }
}
