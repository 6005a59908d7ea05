package rol.notification.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/** When the weekly digest (周报) goes out. */
@ConfigMapping(prefix = "notification.digest")
public interface DigestConfig {

    /** How often the scheduler checks whether a digest is due ({@code off} disables it, as the tests do). */
    @WithDefault("5m")
    String every();

    @WithDefault("MONDAY")
    DayOfWeek day();

    @WithDefault("08:30")
    LocalTime time();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    default DigestSchedule schedule() {
        return new DigestSchedule(day(), time(), zone());
    }
}
