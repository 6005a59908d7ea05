package rol.platform.lights;

import java.util.Locale;
import java.util.Objects;

/**
 * The task states of task-service's {@code rol.task.workflow.TaskState}, by the same names, as the traffic-light
 * rule and the services that apply it (notification-service's reminders and rollups) see them.
 */
public enum TaskState {
    DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED, CLOSED, CANCELLED;

    /** The state named in an event ({@code "IN_PROGRESS"}); an unknown name is an error. */
    public static TaskState parse(String name) {
        Objects.requireNonNull(name, "state");
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** CLOSED or CANCELLED: nothing happens to the task any more. */
    public boolean terminal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** Dispatched and not finished: DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED. */
    public boolean open() {
        return this != DRAFT && !terminal();
    }

    /**
     * Open and the next move is the department's: DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED (not
     * SUBMITTED, where the office has to verify).
     */
    public boolean withDepartment() {
        return open() && this != SUBMITTED;
    }

    /** The department is working on it: ACKNOWLEDGED, IN_PROGRESS, RETURNED (as task-service's underWay). */
    public boolean underWay() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == RETURNED;
    }
}
