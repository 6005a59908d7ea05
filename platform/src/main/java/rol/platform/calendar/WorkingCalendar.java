package rol.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days are working days (工作日): Monday to Friday, minus statutory holidays, plus adjusted working days (调休).
 * The holidays come from data ({@code calendar/cn-holidays.properties}, see {@link HolidayCalendarLoader}); a year
 * the data does not cover falls back to weekends only, and {@link #covers(LocalDate)} says so.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The calendar shipped in the platform jar, on the class path of every service. */
    public static final String DEFAULT_RESOURCE = "calendar/cn-holidays.properties";

    private final Map<Integer, CalendarYear> years;

    private WorkingCalendar(Map<Integer, CalendarYear> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    /** A calendar from already validated years (see {@link HolidayCalendarLoader} for the checks). */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : years) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("year " + y.year() + " given twice");
            }
        }
        return new WorkingCalendar(byYear);
    }

    /** Saturdays and Sundays off, nothing else: what uncovered years fall back to. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Map.of());
    }

    /** The calendar of China's statutory holidays shipped in the platform jar ({@link #DEFAULT_RESOURCE}). */
    public static WorkingCalendar chinaDefault() {
        return HolidayCalendarLoader.loadResource(DEFAULT_RESOURCE);
    }

    /** Whether the data has this date's year; if not, the date is judged by weekends only. */
    public boolean covers(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    /** The years the data covers, ascending. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** A covered year's holidays and adjusted working days. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** The notice a covered year was taken from. */
    public Optional<String> notice(int year) {
        return Optional.ofNullable(years.get(year)).map(CalendarYear::notice);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear y = years.get(date.getYear());
        if (y != null) {
            if (y.adjustedWorkingDays().containsKey(date)) {
                return true;
            }
            if (y.holidays().containsKey(date)) {
                return false;
            }
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The festival a date is a holiday of (春节 …), empty on other days and in uncovered years. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(years.get(date.getYear())).map(y -> y.holidays().get(date));
    }

    /** Whether the date is a weekend day on which people work (调休上班). */
    public boolean isAdjustedWorkingDay(LocalDate date) {
        CalendarYear y = years.get(date.getYear());
        return y != null && y.adjustedWorkingDays().containsKey(date);
    }

    /**
     * The {@code n}-th working day after {@code date} ({@code n > 0}) or before it ({@code n < 0}); {@code date}
     * itself is never counted, whether it is a working day or not. {@code n == 0} returns {@code date}.
     * So {@code plusWorkingDays(deadline, -7)} is "7 working days before the deadline".
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int step = Integer.signum(n);
        int left = Math.abs(n);
        LocalDate d = date;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working-day steps from {@code a} to {@code b}: the working days in {@code (a, b]} when {@code b} is after
     * {@code a}; minus the working days in {@code [b, a)} when it is before; 0 when equal. It is the inverse of
     * {@link #plusWorkingDays}: {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n} for every {@code a} and
     * {@code n}, and {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)} when both are working days.
     * "Overdue by k working days" is {@code workingDaysBetween(deadline, today)}.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            return 0;
        }
        boolean forward = a.isBefore(b);
        LocalDate from = forward ? a.plusDays(1) : b;  // inclusive
        LocalDate to = forward ? b.plusDays(1) : a;    // exclusive
        int count = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return forward ? count : -count;
    }

    /** {@code date} if it is a working day, else the first working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : plusWorkingDays(date, 1);
    }

    /** {@code date} if it is a working day, else the last working day before it. */
    public LocalDate workingDayOnOrBefore(LocalDate date) {
        return isWorkingDay(date) ? date : plusWorkingDays(date, -1);
    }
}
