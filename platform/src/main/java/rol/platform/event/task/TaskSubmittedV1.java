package rol.platform.event.task;

/** {@code task.submitted.v1}, key = task id: the lead department asks for completion (申请办结); the office reviews. */
public record TaskSubmittedV1(TaskV1 task, String actor, String capacity) {
    public static final String TYPE = "task.submitted.v1";
}
