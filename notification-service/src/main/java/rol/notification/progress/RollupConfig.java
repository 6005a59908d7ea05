package rol.notification.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code rollup.*}: the district this deployment shows, and the 红黄绿灯 thresholds (defaults =
 * {@code TrafficLightRules.defaults()}, documented in docs/notifications.md), optionally per district.
 */
@ConfigMapping(prefix = "rollup")
public interface RollupConfig {

    /** The district whose rollups and ranking the API answers with. */
    @WithDefault("licheng")
    String district();

    Lights lights();

    LightsJob lightsJob();

    /** Per-district overrides of the thresholds: {@code rollup.districts.gulou.near-deadline-working-days=7}. */
    Map<String, Overrides> districts();

    interface Lights {
        @WithDefault("10")
        int nearDeadlineWorkingDays();

        @WithDefault("30")
        int maxDaysWithoutFeedback();

        @WithDefault("10")
        int progressTolerancePercent();

        @WithDefault("0")
        double scopeRedShare();

        @WithDefault("0")
        double scopeYellowShare();

        /** Where days begin: "today", and the day of a feedback instant. One zone for the whole service. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    interface LightsJob {
        /** How often {@code LightsJob} looks for tasks whose light is due to change; {@code off} disables it. */
        @WithDefault("15m")
        String every();
    }

    interface Overrides {
        OptionalInt nearDeadlineWorkingDays();

        OptionalInt maxDaysWithoutFeedback();

        OptionalInt progressTolerancePercent();

        Optional<Double> scopeRedShare();

        Optional<Double> scopeYellowShare();
    }
}
