package rol.platform.quarkus;

import io.smallrye.config.WithDefault;
import rol.platform.lights.TrafficLightRules;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The 红黄绿灯 thresholds under {@code rollup.*} (defaults = {@code TrafficLightRules.defaults()}, documented in
 * docs/notifications.md), optionally per district. One definition, so that every service that shows lights reads the
 * same keys with the same defaults: each extends it in its own {@code @ConfigMapping(prefix = "rollup")}.
 */
public interface LightSettings {

    Lights lights();

    /** Per-district overrides of the thresholds: {@code rollup.districts.gulou.near-deadline-working-days=7}. */
    Map<String, Overrides> districts();

    /** The rules of a district: the thresholds, then its overrides. */
    static TrafficLightRules rules(LightSettings settings, String district) {
        TrafficLightRules rules = rules(settings);
        Overrides o = settings.districts().get(district);
        return o == null ? rules : rules.overriddenBy(o.nearDeadlineWorkingDays(), o.maxDaysWithoutFeedback(),
                o.progressTolerancePercent(), o.scopeRedShare(), o.scopeYellowShare());
    }

    /** The rules of every district without overrides of its own. */
    static TrafficLightRules rules(LightSettings settings) {
        Lights l = settings.lights();
        return new TrafficLightRules(l.nearDeadlineWorkingDays(), l.maxDaysWithoutFeedback(),
                l.progressTolerancePercent(), l.scopeRedShare(), l.scopeYellowShare(), l.zone());
    }

    interface Lights {
        @WithDefault("10")
        int nearDeadlineWorkingDays();

        @WithDefault("30")
        int maxDaysWithoutFeedback();

        @WithDefault("10")
        int progressTolerancePercent();

        /** Share of red tasks (0–1) a scope may have and stay below red (scope lights: notification-service). */
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
