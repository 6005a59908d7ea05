package rol.notification.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * When the weekly digest (周报) is due: from {@code day} at {@code time} in {@code zone} until the end of that ISO week.
 * A service that was down at the hour still sends the week's digest when it is back, but never last week's.
 */
public record DigestSchedule(DayOfWeek day, LocalTime time, ZoneId zone) {

    public DigestSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** The ISO week ({@code 2025-W23}) whose digest is due at {@code now}, or empty before this week's hour. */
    public Optional<String> dueWeek(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDateTime sendAt = monday.with(TemporalAdjusters.nextOrSame(day)).atTime(time);
        return local.isBefore(sendAt) ? Optional.empty() : Optional.of(isoWeek(local.toLocalDate()));
    }

    public static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
