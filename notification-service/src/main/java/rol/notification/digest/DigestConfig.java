package rol.notification.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/** When the weekly digest (周报) goes out. */
@ConfigMapping(prefix = "notification.digest")
public interface DigestConfig {

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
