package rol.task.workflow;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineRangeTest {

    @Test
    void aDateMayLieUpToTheEndOfTheFifthYearAhead() {
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertEquals(LocalDate.of(2031, 12, 31), DeadlineRange.latest(today));
        assertFalse(DeadlineRange.tooFar(LocalDate.of(2031, 12, 31), today));
        assertTrue(DeadlineRange.tooFar(LocalDate.of(2032, 1, 1), today));
        assertTrue(DeadlineRange.tooFar(LocalDate.of(9999, 12, 31), today));
    }
}
