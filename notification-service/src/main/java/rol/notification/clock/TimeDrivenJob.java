package rol.notification.clock;

import java.util.Map;

/**
 * A job whose work depends on the time (the due scan, daily rollups). Each runs on its own schedule; the clock
 * control endpoint runs them all at once after moving the clock, so that a moved clock is acted on at once.
 */
public interface TimeDrivenJob {

    /** A short stable name, shown in the clock control's answer. */
    String name();

    /** Where the job runs among the others after a clock move: lower first (deliveries last, to send what the others made). */
    int order();

    /** Does whatever is due at the clock's current time, synchronously, and says what it did. */
    Map<String, Object> runNow();
}
