package rol.notification.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.policy.TaskSnapshot;
import rol.notification.readmodel.TaskSnapshots;
import rol.notification.rollup.Rollup;
import rol.notification.rollup.ScopeTotals;
import rol.notification.calendar.StoredCalendar;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.task.TaskV1;
import rol.platform.lights.LightInput;
import rol.platform.lights.LightReason;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;
import rol.platform.quarkus.LightSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The configured 红黄绿灯 rules, "today" from the injected clock, and the mapping of task events onto the rules. */
@ApplicationScoped
public class LightRules {

    /** A task's verdict on one day and the first later day time alone changes it. */
    public record Evaluation(LightReason reason, Optional<LocalDate> nextChange) {
        public TrafficLight light() {
            return reason.light();
        }
    }

    @Inject
    RollupConfig config;

    @Inject
    Clock clock;

    @Inject
    StoredCalendar calendars;
    private final Map<String, TrafficLightRules> byDistrict = new ConcurrentHashMap<>();

    public TrafficLightRules forDistrict(String district) {
        return byDistrict.computeIfAbsent(district, this::build);
    }

    private TrafficLightRules build(String district) {
        return LightSettings.rules(config, district);
    }

    public ZoneId zone() {
        return config.lights().zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public Evaluation evaluate(TaskSnapshot task, LocalDate today) {
        TrafficLightRules rules = forDistrict(task.district());
        LightInput input = task.lightInput();
        WorkingCalendar calendar = calendars.current();
        return new Evaluation(rules.light(input, today, calendar).reason(), rules.nextChange(input, today, calendar));
    }

    /** The scope's own light from its counters, under its district's rules. */
    public Optional<TrafficLight> scopeLight(String district, ScopeTotals totals) {
        return totals.light(forDistrict(district));
    }

    /**
     * What moving one task from {@code old} (counted with {@code oldLight}; null: not counted) to {@code now}
     * (counted with {@code nowLight}; null: removed) adds to each row; rows it leaves unchanged are left out.
     */
    public static SortedMap<RowKey, ScopeTotals> delta(TaskSnapshot old, TrafficLight oldLight, TaskSnapshot now,
                                                       TrafficLight nowLight) {
        SortedMap<RowKey, ScopeTotals> out = new TreeMap<>();
        if (old != null) {
            add(out, old, Rollup.unit(old, oldLight), -1);
        }
        if (now != null) {
            add(out, now, Rollup.unit(now, nowLight), +1);
        }
        out.values().removeIf(ScopeTotals::isZero);
        return out;
    }

    private static void add(Map<RowKey, ScopeTotals> into, TaskSnapshot t, ScopeTotals unit, int sign) {
        for (RowKey k : RowKey.of(t)) {
            into.merge(k, ScopeTotals.ZERO.plus(unit, sign), (a, b) -> a.plus(b, +1));
        }
    }

    /** The rules' view of a task event's snapshot (docs/notifications.md, "Mapping task events"). */
    public TaskSnapshot snapshot(TaskV1 t) {
        return TaskSnapshots.of(t, zone());
    }

    public LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone()).toLocalDate();
    }
}
