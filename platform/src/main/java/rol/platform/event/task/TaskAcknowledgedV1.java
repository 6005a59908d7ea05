package rol.platform.event.task;

/** {@code task.acknowledged.v1}, key = task id: the lead department (or the office for it) acknowledged (签收). */
public record TaskAcknowledgedV1(TaskV1 task, String actor, String capacity) {
    public static final String TYPE = "task.acknowledged.v1";
}
