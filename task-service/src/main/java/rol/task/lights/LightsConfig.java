package rol.task.lights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code rollup.*}: the 红黄绿灯 thresholds under the same keys and defaults as notification-service's
 * {@code RollupConfig} (documented in docs/notifications.md), so that the ledger and the task view show the light the
 * rollups count. Set them alike in both services.
 */
@ConfigMapping(prefix = "rollup")
public interface LightsConfig {

    Lights lights();

    /** Per-district overrides of the thresholds: {@code rollup.districts.gulou.near-deadline-working-days=7}. */
    Map<String, Overrides> districts();

    interface Lights {
        @WithDefault("10")
        int nearDeadlineWorkingDays();

        @WithDefault("30")
        int maxDaysWithoutFeedback();

        @WithDefault("10")
        int progressTolerancePercent();

        /** Scope lights are notification-service's business; read so that both services accept the same keys. */
        @WithDefault("0")
        double scopeRedShare();

        @WithDefault("0")
        double scopeYellowShare();

        /** Where days begin: "today", and the days of the dispatch, the last feedback and the closing. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    interface Overrides {
        OptionalInt nearDeadlineWorkingDays();

        OptionalInt maxDaysWithoutFeedback();

        OptionalInt progressTolerancePercent();

        Optional<Double> scopeRedShare();

        Optional<Double> scopeYellowShare();
    }
}
