package rol.platform.quarkus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that tests (and, where a service enables it, an operator endpoint)
 * can move. Every bean that needs "now" injects {@link Clock}; this is the one instance behind it,
 * so moving it moves the whole service and no test ever sleeps to wait for time to pass.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MovableClock(Clock base) {
        this.base = base;
    }

    public static MovableClock system() {
        return new MovableClock(Clock.systemUTC());
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public Instant advance(Duration amount) {
        offset.updateAndGet(o -> o.plus(amount));
        return instant();
    }

    /** Makes "now" the given instant; the clock keeps running from there. */
    public Instant set(Instant now) {
        offset.set(Duration.between(base.instant(), now));
        return instant();
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // a zoned view for formatting only; moving stays with this instance
        return new Clock() {
            @Override public ZoneId getZone() { return zone; }
            @Override public Clock withZone(ZoneId z) { return MovableClock.this.withZone(z); }
            @Override public Instant instant() { return MovableClock.this.instant(); }
        };
    }
}
