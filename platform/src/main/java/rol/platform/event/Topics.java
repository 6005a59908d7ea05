package rol.platform.event;

import java.util.List;
import java.util.Map;

/** The topics of the system, one per producing aggregate. Documented with their event types in docs/events.md. */
public final class Topics {

    public static final String REPORT_EVENTS = "report-events";
    public static final String TASK_EVENTS = "task-events";
    public static final String ROLLUP_EVENTS = "rollup-events";
    public static final String CALENDAR_EVENTS = "calendar-events";
    public static final String DEPARTMENT_EVENTS = "department-events";

    /** A topic with the settings it is created with when it does not exist yet. */
    public record Spec(String name, int partitions, Map<String, String> config) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(REPORT_EVENTS, 3, Map.of()),
            new Spec(TASK_EVENTS, 6, Map.of()),
            // the latest rollup per scope is what counts: compacted, keyed by scope
            new Spec(ROLLUP_EVENTS, 3, Map.of("cleanup.policy", "compact")),
            // each year's calendar whole: compacted, keyed by year
            new Spec(CALENDAR_EVENTS, 1, Map.of("cleanup.policy", "compact")),
            // the directory's current entry per department is what counts: compacted, keyed by district/department
            new Spec(DEPARTMENT_EVENTS, 3, Map.of("cleanup.policy", "compact")));

    private Topics() {
    }

    public static Spec spec(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }

    public static List<String> names() {
        return ALL.stream().map(Spec::name).toList();
    }
}
