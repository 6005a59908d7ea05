package rol.task.workflow;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The answer to "may this actor do this to a task in this state?". Refused by role means the actor may never do
 * it to this task (403); refused by state means the actor could, but not now (409, naming {@code state} and
 * {@code allowedActions}: what this actor may do instead).
 *
 * @param next the state after the action; null when refused
 */
public record Decision(Outcome outcome, Reason reason, TaskState state, TaskAction action, TaskState next,
                       Set<TaskAction> allowedActions) {

    public enum Outcome {
        ALLOWED,
        REFUSED_BY_STATE,
        REFUSED_BY_ROLE
    }

    public Decision {
        // in TaskAction order, so that answers and buttons list them the same way every time
        EnumSet<TaskAction> ordered = EnumSet.noneOf(TaskAction.class);
        ordered.addAll(allowedActions);
        allowedActions = Collections.unmodifiableSet(ordered);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** The HTTP status the API answers with: 200, 409 or 403. */
    public int httpStatus() {
        return switch (outcome) {
            case ALLOWED -> 200;
            case REFUSED_BY_STATE -> 409;
            case REFUSED_BY_ROLE -> 403;
        };
    }
}
