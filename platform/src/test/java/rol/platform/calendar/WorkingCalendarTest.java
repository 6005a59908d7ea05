package rol.platform.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void shippedFileCoversTwentyFourToTwentySixAndNamesTheNotices() {
        assertEquals(java.util.List.of(2024, 2025, 2026), java.util.List.copyOf(CN.coveredYears()));
        for (int y = 2024; y <= 2026; y++) {
            assertTrue(CN.notice(y).orElseThrow().contains(y + "年部分节假日安排的通知"), "notice of " + y);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
            "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void adjustedWeekendDaysAreWorkingDays(String date) {
        LocalDate day = d(date);
        assertTrue(day.getDayOfWeek().getValue() >= 6, date + " is a weekend day");
        assertTrue(CN.isWorkingDay(day), date);
        assertTrue(CN.isAdjustedWorkingDay(day), date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01", "2024-02-12", "2024-02-16", "2024-04-04", "2024-05-02", "2024-06-10",
            "2024-09-16", "2024-10-07", "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-05",
            "2025-06-02", "2025-10-08", "2026-01-02", "2026-02-23", "2026-04-06", "2026-05-05", "2026-06-19",
            "2026-09-25", "2026-10-07"})
    void statutoryHolidaysOnWeekdaysAreDaysOff(String date) {
        assertFalse(CN.isWorkingDay(d(date)), date);
        assertTrue(CN.holidayName(d(date)).isPresent(), date);
    }

    @Test
    void ordinaryWeekendsAreOffAndOrdinaryWeekdaysWork() {
        assertFalse(CN.isWorkingDay(d("2025-03-08"))); // Saturday
        assertFalse(CN.isWorkingDay(d("2025-03-09"))); // Sunday
        assertTrue(CN.isWorkingDay(d("2025-03-10")));  // Monday
        assertTrue(CN.holidayName(d("2025-03-10")).isEmpty());
    }

    @Test
    void plusWorkingDaysCrossesSpringFestivalAndItsAdjustedSunday() {
        assertEquals(d("2024-02-09"), CN.plusWorkingDays(d("2024-02-08"), 1));
        assertEquals(d("2024-02-18"), CN.plusWorkingDays(d("2024-02-08"), 2)); // Sunday 2/18 is worked
        assertEquals(d("2024-02-19"), CN.plusWorkingDays(d("2024-02-08"), 3));
        assertEquals(d("2024-02-09"), CN.plusWorkingDays(d("2024-02-18"), -1));
        assertEquals(d("2024-02-04"), CN.plusWorkingDays(d("2024-02-05"), -1)); // Sunday 2/4 is worked
    }

    @Test
    void plusWorkingDaysCrossesYearEnds() {
        assertEquals(d("2025-01-02"), CN.plusWorkingDays(d("2024-12-31"), 1));
        // 2026-01-01..03 off, Sunday 2026-01-04 worked
        assertEquals(d("2026-01-04"), CN.plusWorkingDays(d("2025-12-31"), 1));
        assertEquals(d("2026-01-05"), CN.plusWorkingDays(d("2025-12-31"), 2));
        assertEquals(d("2025-12-31"), CN.plusWorkingDays(d("2026-01-04"), -1));
        assertEquals(d("2025-12-30"), CN.plusWorkingDays(d("2026-01-05"), -3));
        assertEquals(2, CN.workingDaysBetween(d("2025-12-31"), d("2026-01-05")));
    }

    @Test
    void nationalDayTwentyTwentyFiveIsEightDaysOff() {
        assertEquals(d("2025-10-09"), CN.plusWorkingDays(d("2025-09-30"), 1));
        assertEquals(d("2025-09-28"), CN.plusWorkingDays(d("2025-09-29"), -1));
        assertEquals(1, CN.workingDaysBetween(d("2025-09-30"), d("2025-10-09")));
        assertEquals(-1, CN.workingDaysBetween(d("2025-10-09"), d("2025-09-30")));
    }

    @Test
    void zeroStepsIsTheSameDayEvenOnAHoliday() {
        assertEquals(d("2025-10-03"), CN.plusWorkingDays(d("2025-10-03"), 0));
        assertEquals(0, CN.workingDaysBetween(d("2025-10-03"), d("2025-10-03")));
    }

    @Test
    void fromAHolidayTheFirstStepIsTheNextWorkingDay() {
        assertEquals(d("2025-10-09"), CN.plusWorkingDays(d("2025-10-03"), 1));
        assertEquals(d("2025-09-30"), CN.plusWorkingDays(d("2025-10-03"), -1));
        assertEquals(d("2025-10-09"), CN.workingDayOnOrAfter(d("2025-10-03")));
        assertEquals(d("2025-09-30"), CN.workingDayOnOrBefore(d("2025-10-03")));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfPlusWorkingDays() {
        Random random = new Random(20250101L);
        LocalDate base = d("2023-11-01");
        for (int i = 0; i < 2000; i++) {
            LocalDate a = base.plusDays(random.nextInt(1300));
            int n = random.nextInt(81) - 40;
            LocalDate b = CN.plusWorkingDays(a, n);
            assertEquals(n, CN.workingDaysBetween(a, b), a + " " + n);
            assertTrue(n == 0 || CN.isWorkingDay(b), "landed on a working day " + b);
            if (CN.isWorkingDay(a) && CN.isWorkingDay(b)) {
                assertEquals(-CN.workingDaysBetween(a, b), CN.workingDaysBetween(b, a), a + " " + b);
            }
        }
    }

    @Test
    void uncoveredYearsFallBackToWeekendsOnly() {
        assertFalse(CN.covers(d("2027-10-01")));
        assertFalse(CN.covers(d("2023-10-02")));
        assertTrue(CN.covers(d("2026-12-31")));
        assertTrue(CN.isWorkingDay(d("2027-10-01")), "a Friday, and 2027 is not in the file");
        assertTrue(CN.isWorkingDay(d("2023-10-02")), "a Monday, and 2023 is not in the file");
        assertFalse(CN.isWorkingDay(d("2027-10-02")));
        assertEquals(d("2027-01-01"), CN.plusWorkingDays(d("2026-12-31"), 1));
    }

    @Test
    void weekendsOnlyCalendarCoversNothing() {
        WorkingCalendar w = WorkingCalendar.weekendsOnly();
        assertTrue(w.coveredYears().isEmpty());
        assertTrue(w.isWorkingDay(d("2025-10-01")));
        assertEquals(d("2025-10-06"), w.plusWorkingDays(d("2025-10-03"), 1));
        assertEquals(5, w.workingDaysBetween(d("2025-10-03"), d("2025-10-10")));
    }
}
