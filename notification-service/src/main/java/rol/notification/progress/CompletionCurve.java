package rol.notification.progress;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 完成情况 over a calendar year, month by month: what fell due, what was closed, and both summed from January on.
 * Plain Java: the counts come from the read model, the months and sums are built here.
 */
public final class CompletionCurve {

    private CompletionCurve() {
    }

    /** The tasks due in one month: all of them (drafts and cancelled ones left out) and those of them closed now. */
    public record Due(long due, long closed) {
        public static final Due NONE = new Due(0, 0);
    }

    /** The tasks closed (销号) in one month, and those of them closed on or before their deadline. */
    public record Closed(long closed, long onTime) {
        public static final Closed NONE = new Closed(0, 0);
    }

    /**
     * One month. {@code from} and {@code before} bound its deadlines (the task list's {@code deadlineFrom} and
     * {@code deadlineBefore}); {@code dueClosed} counts the month's due tasks that are closed today, whenever they
     * were closed. The closing counts are null for months that have not begun on {@code asOf}: nothing can have
     * been closed in them yet, and a zero would read as "none closed".
     */
    public record Month(int month, LocalDate from, LocalDate before, long due, long dueClosed, Long closed,
                        Long closedOnTime, long cumulativeDue, Long cumulativeClosed) {
    }

    /**
     * The twelve months of {@code year} as of {@code today}.
     *
     * @param due    per month (1..12) what fell due; months without tasks may be missing
     * @param closed per month (1..12) what was closed; months without closings may be missing
     */
    public static List<Month> of(int year, LocalDate today, Map<Integer, Due> due, Map<Integer, Closed> closed) {
        List<Month> months = new ArrayList<>(12);
        long cumulativeDue = 0;
        long cumulativeClosed = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            Due d = due.getOrDefault(m, Due.NONE);
            cumulativeDue += d.due();
            boolean begun = !month.atDay(1).isAfter(today);
            Closed c = closed.getOrDefault(m, Closed.NONE);
            if (begun) {
                cumulativeClosed += c.closed();
            }
            months.add(new Month(m, month.atDay(1), month.plusMonths(1).atDay(1), d.due(), d.closed(),
                    begun ? c.closed() : null, begun ? c.onTime() : null, cumulativeDue,
                    begun ? cumulativeClosed : null));
        }
        return List.copyOf(months);
    }

    /** The default year: today's. */
    public static int defaultYear(Integer asked, LocalDate today) {
        return asked != null ? asked : today.getYear();
    }
}
