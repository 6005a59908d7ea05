package rol.task.calendar;

import rol.platform.calendar.CalendarYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of editing one day of a year by hand, in plain Java: what the year becomes, or the message key of why
 * not (with its arguments).
 */
public final class DayEdit {

    public enum Kind { HOLIDAY, WORKING_DAY }

    /** Why an edit is refused: a key of service-messages.properties and its arguments. */
    public record Refusal(String messageKey, Object... args) {
    }

    /** Either the year after the edit or the refusal. */
    public record Outcome(CalendarYear year, Refusal refusal) {
        static Outcome refused(String key, Object... args) {
            return new Outcome(null, new Refusal(key, args));
        }
    }

    /** The notice text of a year entered by hand rather than from a notice. */
    public static final String BY_HAND = "手工录入";

    private DayEdit() {
    }

    /** Makes {@code day} a holiday or an adjusted working day of festival {@code name}; {@code year} may be empty. */
    public static Outcome set(Optional<CalendarYear> year, int y, LocalDate day, Kind kind, String name) {
        if (day.getYear() != y) {
            return Outcome.refused("calendar.day.other-year", day, y);
        }
        CalendarYear current = year.orElse(new CalendarYear(y, BY_HAND, Map.of(), Map.of()));
        Map<LocalDate, String> holidays = new HashMap<>(current.holidays());
        Map<LocalDate, String> working = new HashMap<>(current.adjustedWorkingDays());
        if (kind == Kind.WORKING_DAY) {
            if (holidays.containsKey(day)) {
                return Outcome.refused("calendar.day.working-day-on-holiday", day, holidays.get(day));
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return Outcome.refused("calendar.day.working-day-not-weekend", day);
            }
            working.put(day, name);
        } else {
            if (working.containsKey(day)) {
                return Outcome.refused("calendar.day.holiday-on-working-day", day, working.get(day));
            }
            holidays.put(day, name);
        }
        return new Outcome(new CalendarYear(y, current.notice(), holidays, working), null);
    }

    /** Takes {@code day} out of the year: it is judged by its weekday again. */
    public static Outcome remove(CalendarYear year, LocalDate day) {
        Map<LocalDate, String> holidays = new HashMap<>(year.holidays());
        Map<LocalDate, String> working = new HashMap<>(year.adjustedWorkingDays());
        if (holidays.remove(day) == null && working.remove(day) == null) {
            return Outcome.refused("calendar.day.not-set", day);
        }
        return new Outcome(new CalendarYear(year.year(), year.notice(), holidays, working), null);
    }
}
