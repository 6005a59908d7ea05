package rol.task.workflow;

/**
 * What the transition table cannot see but decides whether an action it allows can do anything now: the flag is
 * already set or lifted, a request waits for a decision (or one already does), a milestone is still open.
 *
 * @param keySupervision   the task is 挂牌督办
 * @param extensionPending an extension request waits for the office's decision
 * @param openMilestone    at least one milestone is not yet completed
 */
public record TaskFacts(boolean keySupervision, boolean extensionPending, boolean openMilestone) {

    /** Whether {@code action}, allowed by the table, has something to act on. */
    boolean admit(TaskAction action) {
        return switch (action) {
            case FLAG_KEY_SUPERVISION -> !keySupervision;
            case UNFLAG_KEY_SUPERVISION -> keySupervision;
            // one pending request at a time: a second is refused (409 extension-pending)
            case REQUEST_EXTENSION -> !extensionPending;
            case DECIDE_EXTENSION -> extensionPending;
            case COMPLETE_MILESTONE -> openMilestone;
            default -> true;
        };
    }
}
