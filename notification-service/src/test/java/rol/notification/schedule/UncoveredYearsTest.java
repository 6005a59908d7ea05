package rol.notification.schedule;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UncoveredYearsTest {

    private final UncoveredYears years = new UncoveredYears(WorkingCalendar.of(List.of(
            new CalendarYear(2026, "国办发明电〔2025〕号（测试）", Map.of(LocalDate.of(2026, 10, 1), "国庆节"), Map.of()))));

    @Test
    void aCoveredYearIsNeverReported() {
        assertEquals(0, years.firstSight(LocalDate.of(2026, 6, 30)));
        assertEquals(0, years.firstSight(null));
    }

    @Test
    void aMissingYearIsReportedAtItsFirstDayOnly() {
        assertEquals(2027, years.firstSight(LocalDate.of(2027, 6, 19)));
        assertEquals(0, years.firstSight(LocalDate.of(2027, 12, 31)));
        assertEquals(0, years.firstSight(LocalDate.of(2027, 6, 19)));
        assertEquals(2028, years.firstSight(LocalDate.of(2028, 1, 10)));
    }
}
