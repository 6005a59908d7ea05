package rol.task.workflow;

import java.time.LocalDate;

/**
 * How far ahead a date of a task (its deadline, a new deadline asked for, a milestone) may lie: to the end of the fifth
 * year after this one, the span of a five-year plan. A later date is a typing error (9999, 2205 for 2025), and taken as
 * it is it would keep the task green for centuries and out of every reminder.
 */
public final class DeadlineRange {

    public static final int YEARS_AHEAD = 5;

    private DeadlineRange() {
    }

    /** The latest date allowed when today is {@code today}. */
    public static LocalDate latest(LocalDate today) {
        return LocalDate.of(today.getYear() + YEARS_AHEAD, 12, 31);
    }

    public static boolean tooFar(LocalDate date, LocalDate today) {
        return date.isAfter(latest(today));
    }
}
