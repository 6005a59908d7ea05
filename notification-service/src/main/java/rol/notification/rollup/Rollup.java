package rol.notification.rollup;

import rol.notification.policy.TaskSnapshot;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counters per scope ({@link ScopeKey}) for one day. {@link #apply} moves one task's contribution from its old
 * snapshot to its new one; {@link #recount} starts from scratch; both give the same {@link #totals()}.
 *
 * <p>Overdue and lights depend on the day as well as on the task, so a {@code Rollup} is bound to {@link #today()}:
 * when the day changes, build a new one with {@link #recount} (the daily reconciliation) and keep applying events to
 * it. {@code apply} must get, as {@code old}, exactly the snapshot that was last counted for that task (null for a
 * task not counted yet); a negative counter means it did not and throws.
 *
 * <p>Not thread-safe: one writer.
 */
public final class Rollup {

    private final LocalDate today;
    private final WorkingCalendar calendar;
    private final TrafficLightRules rules;
    private final Map<ScopeKey, Counters> counters = new HashMap<>();

    public Rollup(LocalDate today, WorkingCalendar calendar, TrafficLightRules rules) {
        this.today = Objects.requireNonNull(today, "today");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A rollup of {@code tasks} (the newest snapshot of each) as of {@code today}. */
    public static Rollup recount(Collection<TaskSnapshot> tasks, LocalDate today, WorkingCalendar calendar,
                                 TrafficLightRules rules) {
        Rollup r = new Rollup(today, calendar, rules);
        r.recount(tasks);
        return r;
    }

    public LocalDate today() {
        return today;
    }

    public TrafficLightRules rules() {
        return rules;
    }

    /** Forgets everything and counts {@code tasks} (the newest snapshot of each task). */
    public void recount(Collection<TaskSnapshot> tasks) {
        counters.clear();
        for (TaskSnapshot t : tasks) {
            add(t, +1);
        }
    }

    /**
     * One task changed from {@code old} (null: not counted before) to {@code now} (null: to be removed). Subtracts
     * the old contribution and adds the new one in every scope either belongs to.
     */
    public void apply(TaskSnapshot old, TaskSnapshot now) {
        if (old != null && now != null && !old.taskId().equals(now.taskId())) {
            throw new IllegalArgumentException("apply " + old.taskId() + " → " + now.taskId() + ": not one task");
        }
        if (old != null) {
            add(old, -1);
        }
        if (now != null) {
            add(now, +1);
        }
    }

    /** Every non-empty scope's totals, sorted by scope. */
    public SortedMap<ScopeKey, ScopeTotals> totals() {
        SortedMap<ScopeKey, ScopeTotals> out = new TreeMap<>();
        counters.forEach((k, c) -> out.put(k, c.totals()));
        return Collections.unmodifiableSortedMap(out);
    }

    public Optional<ScopeTotals> totals(ScopeKey scope) {
        return Optional.ofNullable(counters.get(scope)).map(Counters::totals);
    }

    /** The non-empty scopes of one kind in one district. */
    public SortedMap<ScopeKey, ScopeTotals> totals(String district, ScopeKind kind) {
        SortedMap<ScopeKey, ScopeTotals> out = new TreeMap<>();
        counters.forEach((k, c) -> {
            if (k.district().equals(district) && k.kind() == kind) {
                out.put(k, c.totals());
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * One task's part in the counters of every scope it counts in, given the light it is counted with: the unit that
     * {@link #apply} subtracts and adds. A store that keeps counters elsewhere moves a task by subtracting the unit it
     * counted last (with the light it had then) and adding the new one.
     */
    public static ScopeTotals unit(TaskSnapshot t, TrafficLight light) {
        TaskState s = t.state();
        boolean supervised = s != TaskState.DRAFT && s != TaskState.CANCELLED;
        boolean closed = s == TaskState.CLOSED;
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        byState.put(s, 1L);
        Map<TrafficLight, Long> lights = new EnumMap<>(TrafficLight.class);
        if (light != null) {
            lights.put(light, 1L);
        }
        return new ScopeTotals(1, byState, supervised ? 1 : 0, closed ? 1 : 0,
                TrafficLightRules.closedOnTime(t.lightInput()) ? 1 : 0, light == TrafficLight.RED ? 1 : 0,
                supervised ? (closed ? 100 : t.percent()) : 0, lights);
    }

    private void add(TaskSnapshot t, int sign) {
        ScopeTotals unit = unit(t, rules.light(t.lightInput(), today, calendar).light().orElse(null));
        for (ScopeKey key : ScopeKey.of(t)) {
            Counters k = counters.computeIfAbsent(key, x -> new Counters());
            k.add(unit, sign);
            if (k.tasks < 0) {
                throw new IllegalStateException("negative count in " + key
                        + ": apply was not given the snapshot last counted");
            }
            if (k.tasks == 0) {
                if (!k.empty()) {
                    throw new IllegalStateException("counters of " + key + " do not add up");
                }
                counters.remove(key);
            }
        }
    }

    private static final class Counters {
        long tasks;
        final long[] byState = new long[TaskState.values().length];
        long supervised;
        long closed;
        long closedOnTime;
        long overdue;
        long percentSum;
        final long[] lights = new long[TrafficLight.values().length];

        void add(ScopeTotals unit, int sign) {
            tasks += sign * unit.tasks();
            unit.byState().forEach((st, n) -> byState[st.ordinal()] += sign * n);
            supervised += sign * unit.supervised();
            closed += sign * unit.closed();
            closedOnTime += sign * unit.closedOnTime();
            overdue += sign * unit.overdue();
            percentSum += sign * unit.percentSum();
            unit.lights().forEach((l, n) -> lights[l.ordinal()] += sign * n);
        }

        boolean empty() {
            for (long v : byState) {
                if (v != 0) {
                    return false;
                }
            }
            for (long v : lights) {
                if (v != 0) {
                    return false;
                }
            }
            return supervised == 0 && closed == 0 && closedOnTime == 0 && overdue == 0 && percentSum == 0;
        }

        ScopeTotals totals() {
            Map<TaskState, Long> s = new EnumMap<>(TaskState.class);
            for (TaskState st : TaskState.values()) {
                s.put(st, byState[st.ordinal()]);
            }
            Map<TrafficLight, Long> l = new EnumMap<>(TrafficLight.class);
            for (TrafficLight tl : TrafficLight.values()) {
                l.put(tl, lights[tl.ordinal()]);
            }
            return new ScopeTotals(tasks, s, supervised, closed, closedOnTime, overdue, percentSum, l);
        }
    }
}
