package rol.notification.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff: after the n-th failed attempt wait {@code baseDelay * 2^(n-1)}, at most {@code maxDelay};
 * after {@code maxAttempts} failures, give up (dead letter). No jitter: the due time is a column that replicas claim
 * with SKIP LOCKED, so they do not stampede, and tests can name the exact moment of the next attempt.
 */
public record RetrySchedule(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetrySchedule {
        if (maxAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("retry schedule out of range");
        }
    }

    /** When to try again after {@code failedAttempts} failures at {@code now}; empty = give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = baseDelay;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxDelay) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait));
    }
}
