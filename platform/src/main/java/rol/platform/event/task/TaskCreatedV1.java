package rol.platform.event.task;

/** {@code task.created.v1} on {@code task-events}, key = task id: a task was registered (立项) as a draft. */
public record TaskCreatedV1(TaskV1 task) {
    public static final String TYPE = "task.created.v1";
}
