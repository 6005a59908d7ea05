package rol.platform.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year of the holiday calendar as the State Council notice (国务院办公厅关于…部分节假日安排的通知) fixes it.
 *
 * @param year                the calendar year
 * @param notice              the notice the dates were taken from
 * @param holidays            days off (法定节假日 and the weekend days joined to them), each with its festival's name
 * @param adjustedWorkingDays weekend days on which people work (调休上班), each with its festival's name
 */
public record CalendarYear(int year, String notice, Map<LocalDate, String> holidays,
                           Map<LocalDate, String> adjustedWorkingDays) {

    public CalendarYear {
        holidays = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
        adjustedWorkingDays = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(adjustedWorkingDays));
    }
}
