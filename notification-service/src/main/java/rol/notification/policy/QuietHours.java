package rol.notification.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Hours in which nothing is sent, in local time: from {@code start} (included) to {@code end} (excluded), crossing
 * midnight when {@code start} is after {@code end} (22:00–08:00). {@code start == end} means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** 22:00–08:00 Asia/Shanghai. */
    public static QuietHours defaults() {
        return new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), CHINA);
    }

    /** Send at any hour. */
    public static QuietHours none(ZoneId zone) {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public boolean isQuiet(Instant t) {
        if (start.equals(end)) {
            return false;
        }
        LocalTime lt = t.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !lt.isBefore(start) && lt.isBefore(end)
                : !lt.isBefore(start) || lt.isBefore(end);
    }

    /** {@code t} itself when sending is allowed then, else the end of the quiet period {@code t} falls into. */
    public Instant nextAllowed(Instant t) {
        if (!isQuiet(t)) {
            return t;
        }
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (start.isAfter(end) && !local.toLocalTime().isBefore(start)) {
            day = day.plusDays(1); // in the evening part: quiet until tomorrow morning
        }
        return ZonedDateTime.of(day, end, zone).toInstant();
    }

    /** The earliest instant a reminder due on {@code dueOn} may go out, seen at {@code now}. */
    public Instant earliestSend(LocalDate dueOn, Instant now) {
        Instant dayStart = dueOn.atStartOfDay(zone).toInstant();
        return nextAllowed(now.isAfter(dayStart) ? now : dayStart);
    }
}
