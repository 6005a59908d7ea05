package rol.platform.event.calendar;

import rol.platform.calendar.CalendarYear;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code calendar.updated.v1} on the compacted topic {@code calendar-events}, key = the year: one year of the
 * working-day calendar as task-service keeps it, whole, so that the newest record per year is that year's calendar.
 *
 * @param year        the calendar year
 * @param notice      the State Council notice the year was taken from, or how it was entered
 * @param holidays    days off, each with its festival
 * @param workingDays weekend days on which people work (调休上班), each with its festival
 * @param version     grows with every change of the year; consumers keep the highest
 */
public record CalendarUpdatedV1(int year, String notice, List<Day> holidays, List<Day> workingDays, long version) {

    public static final String TYPE = "calendar.updated.v1";

    /** One date with the festival it belongs to. */
    public record Day(LocalDate date, String name) {
    }

    public CalendarUpdatedV1 {
        holidays = List.copyOf(holidays);
        workingDays = List.copyOf(workingDays);
    }

    public static CalendarUpdatedV1 of(CalendarYear y, long version) {
        return new CalendarUpdatedV1(y.year(), y.notice(), days(y.holidays()), days(y.adjustedWorkingDays()), version);
    }

    public String key() {
        return String.valueOf(year);
    }

    public CalendarYear toYear() {
        return new CalendarYear(year, notice, map(holidays), map(workingDays));
    }

    private static List<Day> days(Map<LocalDate, String> byDate) {
        return byDate.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    private static Map<LocalDate, String> map(List<Day> days) {
        return days.stream().collect(Collectors.toMap(Day::date, Day::name, (a, b) -> a));
    }
}
