package rol.task.calendar;

import rol.platform.calendar.CalendarYear;
import rol.platform.problem.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the calendar API answers: a year as a list of days and as a month calendar, and a notice's reading. */
public final class CalendarViews {

    private CalendarViews() {
    }

    public record DayView(LocalDate date, String name) {
    }

    /** One month of the calendar: the days of month that are holidays and adjusted working days. */
    public record MonthView(int month, List<Integer> holidays, List<Integer> workingDays) {
    }

    /**
     * @param covered whether the year is in the calendar; if not, {@code note} says that its days count by weekends
     */
    public record YearView(int year, boolean covered, String notice, Long version, String note, List<DayView> holidays,
                           List<DayView> workingDays, List<MonthView> months) {
    }

    /** A notice read and waiting for the office's confirmation; {@code unread} lists what was not understood. */
    public record DraftView(UUID id, int year, String notice, List<DayView> holidays, List<DayView> workingDays,
                            List<MonthView> months, List<NoticeReader.Unread> unread, boolean confirmed) {
    }

    /** The note shown wherever a date of a year without holidays is counted: {@code 2027年节假日安排未录入，按周末计算}. */
    public static String missingYearNote(int year) {
        return Messages.text("calendar.missing-year", String.valueOf(year));
    }

    static YearView year(CalendarStore.Stored stored) {
        CalendarYear y = stored.year();
        return new YearView(y.year(), true, y.notice(), stored.version(), null, days(y.holidays()),
                days(y.adjustedWorkingDays()), months(y.holidays(), y.adjustedWorkingDays()));
    }

    static YearView missing(int year) {
        return new YearView(year, false, null, null, missingYearNote(year), List.of(), List.of(),
                months(Map.of(), Map.of()));
    }

    static DraftView draft(UUID id, NoticeReader.Reading r, String notice) {
        return new DraftView(id, r.year(), notice, days(r.holidays()), days(r.workingDays()),
                months(r.holidays(), r.workingDays()), r.unread(), false);
    }

    static List<DayView> days(Map<LocalDate, String> byDate) {
        return byDate.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DayView(e.getKey(), e.getValue())).toList();
    }

    static List<MonthView> months(Map<LocalDate, String> holidays, Map<LocalDate, String> workingDays) {
        List<MonthView> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(new MonthView(m, daysOf(holidays, m), daysOf(workingDays, m)));
        }
        return out;
    }

    private static List<Integer> daysOf(Map<LocalDate, String> days, int month) {
        return days.keySet().stream().filter(d -> d.getMonthValue() == month).map(LocalDate::getDayOfMonth).sorted()
                .toList();
    }

    static CalendarYear toYear(DraftView d) {
        return new CalendarYear(d.year(), d.notice(), map(d.holidays()), map(d.workingDays()));
    }

    private static Map<LocalDate, String> map(List<DayView> days) {
        Map<LocalDate, String> out = new java.util.HashMap<>();
        days.forEach(d -> out.put(d.date(), d.name()));
        return out;
    }
}
