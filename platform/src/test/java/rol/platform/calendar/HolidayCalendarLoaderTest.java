package rol.platform.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HolidayCalendarLoaderTest {

    private static final String GOOD = """
            # a replacement for one year
            2027.notice = 国务院办公厅关于2027年部分节假日安排的通知
            2027.holiday.元旦 = 2027-01-01
            2027.holiday.春节 = 2027-02-06..2027-02-12, 2027-02-13
            2027.workday.春节 = 2027-02-14
            """;

    private static List<String> problems(String file) {
        CalendarFileException e = assertThrows(CalendarFileException.class,
                () -> HolidayCalendarLoader.load(new StringReader(file), "test"));
        return e.problems();
    }

    private static boolean mentions(List<String> problems, String text) {
        return problems.stream().anyMatch(p -> p.contains(text));
    }

    @Test
    void readsRangesListsAndAdjustedDays() {
        WorkingCalendar c = HolidayCalendarLoader.load(new StringReader(GOOD), "test");
        assertTrue(c.covers(LocalDate.of(2027, 6, 1)));
        assertFalse(c.isWorkingDay(LocalDate.of(2027, 2, 8)));
        assertFalse(c.isWorkingDay(LocalDate.of(2027, 2, 13)));
        assertTrue(c.isWorkingDay(LocalDate.of(2027, 2, 14)));
        assertEquals("春节", c.holidayName(LocalDate.of(2027, 2, 10)).orElseThrow());
    }

    @Test
    void replacementFileCanBeLoadedFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cn-holidays.properties");
        Files.writeString(file, GOOD, StandardCharsets.UTF_8);
        assertFalse(HolidayCalendarLoader.load(file).isWorkingDay(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void rejectsADayThatIsBothHolidayAndWorkingDay() {
        List<String> p = problems(GOOD + "2027.workday.国庆节 = 2027-02-13\n");
        assertTrue(mentions(p, "2027-02-13 is both a holiday"), p.toString());
    }

    @Test
    void rejectsDatesOutsideTheirYear() {
        List<String> p = problems(GOOD + "2027.holiday.国庆节 = 2028-10-01..2028-10-07\n");
        assertTrue(mentions(p, "2028-10-01 is not in 2027"), p.toString());
    }

    @Test
    void rejectsAnAdjustedWorkingDayOnAWeekday() {
        List<String> p = problems(GOOD + "2027.workday.元旦 = 2027-01-04\n");
        assertTrue(mentions(p, "must be a Saturday or Sunday"), p.toString());
    }

    @Test
    void rejectsAYearWithoutItsNotice() {
        List<String> p = problems(GOOD.replace("2027.notice", "# 2027.notice"));
        assertTrue(mentions(p, "2027.notice is missing"), p.toString());
    }

    @Test
    void rejectsUnknownKeysBadDatesReversedRangesRepeatsAndReportsThemAll() {
        List<String> p = problems(GOOD + """
                2027.holliday.清明节 = 2027-04-05
                2027.holiday.端午节 = 2027-06-31
                2027.holiday.中秋节 = 2027-09-17..2027-09-15
                2027.holiday.国庆节 = 2027-10-01..2027-10-07, 2027-02-08
                2027.holiday.元旦 = 2027-01-01
                """);
        assertTrue(mentions(p, "unknown key 2027.holliday"), p.toString());
        assertTrue(mentions(p, "'2027-06-31' is not a date"), p.toString());
        assertTrue(mentions(p, "ends before it starts"), p.toString());
        assertTrue(mentions(p, "2027-02-08 is listed twice"), p.toString());
        assertTrue(mentions(p, "2027.holiday.元旦 given twice"), p.toString());
        assertTrue(p.size() >= 5, p.toString());
    }

    @Test
    void rejectsAnEmptyFile() {
        assertTrue(mentions(problems("# nothing\n"), "no year"));
    }

    @Test
    void missingResourceIsAnError() {
        assertThrows(CalendarFileException.class, () -> HolidayCalendarLoader.loadResource("calendar/none.properties"));
    }
}
