package rol.notification.schedule;

import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which years the working-day calendar lacks that have been reported already, so that a missing year is
 * logged once per process and not once per task event (at 200 progress reports/s a warning per event wrote
 * 50 KB/s of log and took CPU from the consumer).
 */
final class UncoveredYears {

    private final WorkingCalendar calendar;
    private final Set<Integer> reported = ConcurrentHashMap.newKeySet();

    UncoveredYears(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The year of {@code day} if the calendar lacks it and it has not been reported before; else 0. */
    int firstSight(LocalDate day) {
        if (day == null || calendar.covers(day) || !reported.add(day.getYear())) {
            return 0;
        }
        return day.getYear();
    }
}
