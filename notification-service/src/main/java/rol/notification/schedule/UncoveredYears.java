package rol.notification.schedule;

import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers which years the working-day calendar lacks that have been reported already, so that a missing year is
 * logged once per process and not once per task event (at 200 progress reports/s a warning per event wrote
 * 50 KB/s of log and took CPU from the consumer).
 */
final class UncoveredYears {

    private final Supplier<WorkingCalendar> calendar;
    private final Set<Integer> reported = ConcurrentHashMap.newKeySet();

    UncoveredYears(Supplier<WorkingCalendar> calendar) {
        this.calendar = calendar;
    }

    /** Whether {@code day}'s year is missing from the calendar and this is the first time it is asked for. */
    boolean firstMissing(LocalDate day) {
        return day != null && !calendar.get().covers(day) && reported.add(day.getYear());
    }
}
