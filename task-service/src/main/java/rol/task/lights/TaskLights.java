package rol.task.lights;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import rol.platform.lights.LightInput;
import rol.platform.lights.LightVerdict;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;
import rol.platform.quarkus.LightSettings;
import rol.platform.calendar.WorkingCalendar;
import rol.task.calendar.CalendarStore;
import rol.task.calendar.CalendarViews;
import rol.task.plan.Task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A task's 红黄绿灯 by the one rule in {@code rol.platform.lights.TrafficLightRules}, with the thresholds and the
 * working-day calendar the office keeps ({@link CalendarStore}), and "today" from the injected clock.
 */
@Startup
@Singleton
public class TaskLights {

    private final LightsConfig config;
    private final Clock clock;
    private final CalendarStore calendars;
    private final Map<String, TrafficLightRules> byDistrict = new ConcurrentHashMap<>();

    @Inject
    TaskLights(LightsConfig config, Clock clock, CalendarStore calendars) {
        this.config = config;
        this.clock = clock;
        this.calendars = calendars;
    }

    /** Today in the lights' zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public LightVerdict verdict(Task task) {
        return verdict(task, today());
    }

    /** The task's light on {@code today} (pass one day for a whole list, so that every row is judged alike). */
    public LightVerdict verdict(Task task, LocalDate today) {
        return rules(task.district).light(input(task), today, calendars.current());
    }

    /**
     * The task list's condition for tasks whose light today is one of {@code lights}, by the same rules, thresholds
     * and calendar as {@link #verdict}.
     */
    public LightFilter.Clause filter(Set<TrafficLight> lights) {
        Map<String, TrafficLightRules> own = new TreeMap<>();
        config.districts().keySet().forEach(d -> own.put(d, rules(d)));
        return LightFilter.of(lights, LightSettings.rules(config), own, today(), calendars.current());
    }

    /**
     * {@code 2027年节假日安排未录入，按周末计算} for an unfinished task whose days from {@code today} to its deadline run
     * into a year the calendar lacks (its working days count weekends only); null otherwise.
     */
    public String calendarNote(Task task, LocalDate today) {
        if (task.deadline == null || task.state.terminal()) {
            return null;
        }
        WorkingCalendar calendar = calendars.current();
        int from = Math.min(today.getYear(), task.deadline.getYear());
        int to = Math.max(today.getYear(), task.deadline.getYear());
        for (int year = from; year <= to; year++) {
            if (!calendar.covers(LocalDate.of(year, 1, 1))) {
                return CalendarViews.missingYearNote(year);
            }
        }
        return null;
    }

    /**
     * 工作日 from {@code today} to the task's deadline, counted with the calendar the lights use: the working days in
     * {@code (today, deadline]} while it lies ahead (0 on the deadline itself), minus those in {@code (deadline, today]}
     * once it has passed (as the rule counts "overdue by k working days"; 0 on a day off right after the deadline). Null
     * without a deadline and for a closed or cancelled task, for which nothing is left to count.
     */
    public Integer workingDaysLeft(Task task, LocalDate today) {
        if (task.deadline == null || task.state.terminal()) {
            return null;
        }
        WorkingCalendar calendar = calendars.current();
        return today.isAfter(task.deadline)
                ? -calendar.workingDaysBetween(task.deadline, today)
                : calendar.workingDaysBetween(today, task.deadline);
    }

    private LightInput input(Task t) {
        return new LightInput(TaskState.parse(t.state.name()), t.deadline, t.percent,
                t.lastFeedbackAt == null ? null : t.lastFeedbackAt.toInstant(), day(t.dispatchedAt), day(t.closedAt));
    }

    private LocalDate day(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone()).toLocalDate();
    }

    /** Where days begin: today, and the days of dispatch, last feedback and closing ({@code rollup.lights.zone}). */
    public ZoneId zone() {
        return config.lights().zone();
    }

    private TrafficLightRules rules(String district) {
        return byDistrict.computeIfAbsent(district, d -> LightSettings.rules(config, d));
    }
}
