package rol.platform.event.task;

/** {@code task.returned.v1}, key = task id: the office refused the submission (退办) with a reason. */
public record TaskReturnedV1(TaskV1 task, String actor, String reason) {
    public static final String TYPE = "task.returned.v1";
}
