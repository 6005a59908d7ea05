package rol.platform.event.task;

/**
 * {@code task.dispatched.v1}, key = task id: the office dispatched (交办) a task; lead department, co-departments and
 * deadline are in the snapshot.
 *
 * @param actor the user who dispatched it
 */
public record TaskDispatchedV1(TaskV1 task, String actor) {
    public static final String TYPE = "task.dispatched.v1";
}
