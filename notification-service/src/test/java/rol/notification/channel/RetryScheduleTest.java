package rol.notification.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2025-06-30T00:30:00Z");
    private final RetrySchedule schedule = new RetrySchedule(8, Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertEquals(Optional.of(NOW.plusSeconds(30)), schedule.nextAttempt(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), schedule.nextAttempt(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(120)), schedule.nextAttempt(3, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(240)), schedule.nextAttempt(4, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(300)), schedule.nextAttempt(5, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(300)), schedule.nextAttempt(7, NOW));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertEquals(Optional.empty(), schedule.nextAttempt(8, NOW));
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ZERO, Duration.ZERO).nextAttempt(1, NOW));
    }

    @Test
    void refusesSchedulesThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(3, Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
