package rol.platform.event.task;

/** {@code task.cancelled.v1}, key = task id: the office withdrew the task (撤销) with a reason. */
public record TaskCancelledV1(TaskV1 task, String actor, String previousState, String reason) {
    public static final String TYPE = "task.cancelled.v1";
}
