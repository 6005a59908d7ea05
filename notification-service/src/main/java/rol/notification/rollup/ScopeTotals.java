package rol.notification.rollup;

import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The counters of one scope at one day. Definitions (docs/notifications.md):
 * <ul>
 *   <li>{@code tasks}: every task, drafts and cancelled ones included; {@code byState} splits them;</li>
 *   <li>{@code supervised}: tasks neither DRAFT nor CANCELLED, the base of the rates;</li>
 *   <li>{@code closed}: CLOSED tasks; {@code closedOnTime}: of those, closed on or before the deadline;</li>
 *   <li>{@code overdue}: open tasks past their deadline (= red tasks);</li>
 *   <li>{@code percentSum}: the percent of every supervised task, a CLOSED task counting 100;</li>
 *   <li>{@code lights}: lit tasks by colour.</li>
 * </ul>
 * Maps hold only non-zero counts, so two equal states of counting are {@code equals}.
 */
public record ScopeTotals(
        long tasks,
        Map<TaskState, Long> byState,
        long supervised,
        long closed,
        long closedOnTime,
        long overdue,
        long percentSum,
        Map<TrafficLight, Long> lights) {

    public ScopeTotals {
        byState = Collections.unmodifiableMap(new EnumMap<>(nonZero(byState, TaskState.class)));
        lights = Collections.unmodifiableMap(new EnumMap<>(nonZero(lights, TrafficLight.class)));
    }

    private static <E extends Enum<E>> Map<E, Long> nonZero(Map<E, Long> m, Class<E> type) {
        EnumMap<E, Long> out = new EnumMap<>(type);
        m.forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    public long count(TaskState state) {
        return byState.getOrDefault(state, 0L);
    }

    public long count(TrafficLight light) {
        return lights.getOrDefault(light, 0L);
    }

    /** 办结率: closed / supervised; empty without supervised tasks. */
    public OptionalDouble completionRate() {
        return supervised == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) closed / supervised);
    }

    /** 按期办结率: closed on time / closed; empty when nothing is closed. */
    public OptionalDouble onTimeRate() {
        return closed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) closedOnTime / closed);
    }

    /** 平均进度: percent sum / supervised, 0–100; empty without supervised tasks. */
    public OptionalDouble averagePercent() {
        return supervised == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) percentSum / supervised);
    }

    /** The scope's light under the given rules; empty when no task of the scope is lit. */
    public Optional<TrafficLight> light(TrafficLightRules rules) {
        return rules.scopeLight(count(TrafficLight.GREEN), count(TrafficLight.YELLOW), count(TrafficLight.RED));
    }

    /** These counters plus {@code sign} times {@code other} (a delta may be negative). */
    public ScopeTotals plus(ScopeTotals other, int sign) {
        Map<TaskState, Long> s = new EnumMap<>(TaskState.class);
        s.putAll(byState);
        other.byState.forEach((k, v) -> s.merge(k, sign * v, Long::sum));
        Map<TrafficLight, Long> l = new EnumMap<>(TrafficLight.class);
        l.putAll(lights);
        other.lights.forEach((k, v) -> l.merge(k, sign * v, Long::sum));
        return new ScopeTotals(tasks + sign * other.tasks, s, supervised + sign * other.supervised,
                closed + sign * other.closed, closedOnTime + sign * other.closedOnTime, overdue + sign * other.overdue,
                percentSum + sign * other.percentSum, l);
    }

    /** Every counter zero: the scope is empty (or a delta changes nothing). */
    public boolean isZero() {
        return equals(ZERO);
    }

    /** No task at all. */
    public static final ScopeTotals ZERO = new ScopeTotals(0, Map.of(), 0, 0, 0, 0, 0, Map.of());
}
