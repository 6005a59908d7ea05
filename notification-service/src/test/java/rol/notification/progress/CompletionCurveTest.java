package rol.notification.progress;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CompletionCurveTest {

    private static final Map<Integer, CompletionCurve.Due> DUE = Map.of(
            1, new CompletionCurve.Due(2, 2), 3, new CompletionCurve.Due(4, 1), 12, new CompletionCurve.Due(5, 0));
    private static final Map<Integer, CompletionCurve.Closed> CLOSED = Map.of(
            2, new CompletionCurve.Closed(1, 1), 3, new CompletionCurve.Closed(2, 1), 6, new CompletionCurve.Closed(1, 0));

    @Test
    void twelveMonthsWithTheirDeadlineRangeAndRunningSums() {
        List<CompletionCurve.Month> months = CompletionCurve.of(2026, LocalDate.parse("2026-12-06"), DUE, CLOSED);
        assertEquals(12, months.size());
        CompletionCurve.Month march = months.get(2);
        assertEquals(3, march.month());
        assertEquals(LocalDate.parse("2026-03-01"), march.from());
        assertEquals(LocalDate.parse("2026-04-01"), march.before());
        assertEquals(4, march.due());
        assertEquals(1, march.dueClosed());
        assertEquals(2L, march.closed());
        assertEquals(1L, march.closedOnTime());
        assertEquals(6, march.cumulativeDue());
        assertEquals(3L, march.cumulativeClosed());
        CompletionCurve.Month december = months.get(11);
        assertEquals(LocalDate.parse("2027-01-01"), december.before());
        assertEquals(11, december.cumulativeDue());
        assertEquals(4L, december.cumulativeClosed());
        assertEquals(0L, months.get(3).closed(), "a month without closings that has begun counts zero");
    }

    @Test
    void monthsNotYetBegunCarryWhatFallsDueButNoClosings() {
        List<CompletionCurve.Month> months = CompletionCurve.of(2026, LocalDate.parse("2026-03-01"), DUE, CLOSED);
        CompletionCurve.Month march = months.get(2);
        assertEquals(2L, march.closed(), "the month of today has begun");
        assertEquals(3L, march.cumulativeClosed());
        CompletionCurve.Month june = months.get(5);
        assertNull(june.closed());
        assertNull(june.closedOnTime());
        assertNull(june.cumulativeClosed());
        assertEquals(11, months.get(11).cumulativeDue(), "what falls due later is known already");
    }

    @Test
    void aYearAheadHasNoClosingsAndAPastYearHasThemAll() {
        assertEquals(List.of(), CompletionCurve.of(2027, LocalDate.parse("2026-12-06"), DUE, CLOSED).stream()
                .filter(m -> m.closed() != null).toList());
        assertEquals(4L, CompletionCurve.of(2026, LocalDate.parse("2027-02-01"), DUE, CLOSED).get(11)
                .cumulativeClosed());
    }

    @Test
    void theYearDefaultsToToday() {
        assertEquals(2026, CompletionCurve.defaultYear(null, LocalDate.parse("2026-12-06")));
        assertEquals(2025, CompletionCurve.defaultYear(2025, LocalDate.parse("2026-12-06")));
    }
}
