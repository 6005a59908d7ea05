package rol.task.lights;

import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;
import rol.platform.lights.TrafficLightRules.DayLimits;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link TrafficLightRules#light} as a condition of the task list's query (HQL on {@code Task}), so that the list
 * can filter by light and still page and count in the database. The rule's branches are written once more here, in
 * the rule's order; every number they compare with comes from the rule ({@link TrafficLightRules#limits}: the
 * working days of "near" are counted in Java with the office's calendar, then passed as a date), and the states
 * from its {@code TaskState}. {@code LightFilterAgreementTest} checks that both pick the same tasks.
 */
public final class LightFilter {

    /**
     * Behind the share of time elapsed (TrafficLightRules.expectedPercent: 100 without a dispatch day or when the
     * deadline is not after it, else the elapsed calendar days in percent, rounded down), in PostgreSQL. The
     * dispatch instant becomes a day in the rule's zone; date minus date is a whole number of days.
     */
    private static final String BEHIND_SQL = "(select x.p < case when x.s is null or x.d - x.s <= 0 then 100"
            + " else 100 * greatest(0, least(x.d - x.s, x.t - x.s)) / (x.d - x.s) end - x.tolerance"
            + " from (select cast(? as integer) p, cast(? as date) d,"
            + " cast(cast(? as timestamp with time zone) at time zone cast(? as text) as date) s,"
            + " cast(? as date) t, cast(? as integer) tolerance) x)";

    /** An HQL condition and its named parameters. */
    public record Clause(String hql, Map<String, Object> params) {
    }

    private final Map<String, Object> params = new HashMap<>();

    private LightFilter() {
    }

    /**
     * Tasks whose light on {@code today} is one of {@code lights}: by {@code rules} in their district when it has
     * its own, else by {@code defaults}. Drafts and finished tasks have no light, so they never match.
     */
    public static Clause of(Set<TrafficLight> lights, TrafficLightRules defaults, Map<String, TrafficLightRules> rules,
                            LocalDate today, WorkingCalendar calendar) {
        if (lights.isEmpty()) {
            return new Clause("1 = 0", Map.of());
        }
        LightFilter f = new LightFilter();
        f.params.put("lightOpen", states(rol.platform.lights.TaskState::open));
        f.params.put("lightToday", today);
        List<String> byDistrict = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, TrafficLightRules> e : rules.entrySet()) {
            String district = "lightDistrict" + i;
            f.params.put(district, e.getKey());
            byDistrict.add("(district = :" + district + " and "
                    + f.lit(lights, e.getValue(), e.getValue().limits(today, calendar), String.valueOf(i)) + ")");
            i++;
        }
        String others = f.lit(lights, defaults, defaults.limits(today, calendar), "");
        if (rules.isEmpty()) {
            byDistrict.add(others);
        } else {
            f.params.put("lightDistricts", List.copyOf(rules.keySet()));
            byDistrict.add("(district not in :lightDistricts and " + others + ")");
        }
        return new Clause("(" + String.join(" or ", byDistrict) + ")", Map.copyOf(f.params));
    }

    /** The condition for one set of rules; {@code n} keeps the parameters of each district's rules apart. */
    private String lit(Set<TrafficLight> lights, TrafficLightRules rules, DayLimits limits, String n) {
        String red = "(state in :lightOpen and deadline < :lightToday)";
        String notRed = "(state in :lightOpen and (deadline is null or deadline >= :lightToday))";
        // only the parameters of the branches asked for: the query refuses parameters it does not use
        String yellow = lights.contains(TrafficLight.YELLOW) || lights.contains(TrafficLight.GREEN)
                ? yellow(rules, limits, n) : null;
        List<String> any = new ArrayList<>();
        for (TrafficLight light : lights) {
            any.add(switch (light) {
                case RED -> red;
                case YELLOW -> "(" + notRed + " and " + yellow + ")";
                // never null: both parts of yellow are false, not unknown, where a column is missing
                case GREEN -> "(" + notRed + " and not " + yellow + ")";
            });
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /** The yellow branches: the next move is the department's, and it is behind near the deadline or silent. */
    private String yellow(TrafficLightRules rules, DayLimits limits, String n) {
        params.put("lightWithDepartment", states(rol.platform.lights.TaskState::withDepartment));
        return "(state in :lightWithDepartment and (" + behind(rules, limits, n) + " or "
                + silent(rules, limits, n) + "))";
    }

    /** Near the deadline and behind the share of time elapsed. */
    private String behind(TrafficLightRules rules, DayLimits limits, String n) {
        params.put("lightNear" + n, limits.nearDeadlineUntil());
        params.put("lightTolerance" + n, rules.progressTolerancePercent());
        params.put("lightZone" + n, rules.zone().getId());
        return "(deadline is not null and deadline <= :lightNear" + n + " and cast(sql('" + BEHIND_SQL
                + "', percent, deadline, dispatchedAt, :lightZone" + n + ", :lightToday, :lightTolerance" + n
                + ") as Boolean) = true)";
    }

    /**
     * No feedback since the limit: the last feedback's day (else the dispatch day) on or before it in the rule's
     * zone, i.e. the instant before the next day begins there.
     */
    private String silent(TrafficLightRules rules, DayLimits limits, String n) {
        if (limits.silentOnOrBefore() == null) {
            return "1 = 0";
        }
        params.put("lightSilentBefore" + n, startOf(limits.silentOnOrBefore().plusDays(1), rules.zone()));
        return "(coalesce(lastFeedbackAt, dispatchedAt) is not null"
                + " and coalesce(lastFeedbackAt, dispatchedAt) < :lightSilentBefore" + n + ")";
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** task-service's states that are, by the rule's own definition, open or with the department. */
    private static List<TaskState> states(Predicate<rol.platform.lights.TaskState> which) {
        return Arrays.stream(rol.platform.lights.TaskState.values()).filter(which)
                .map(s -> TaskState.valueOf(s.name())).toList();
    }
}
