package rol.platform.event.task;

/** {@code task.closed.v1}, key = task id: the office verified and closed the task (销号). */
public record TaskClosedV1(TaskV1 task, String actor) {
    public static final String TYPE = "task.closed.v1";
}
