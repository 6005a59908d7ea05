package rol.platform.event.task;

import java.time.LocalDate;

/** {@code task.extension-requested.v1}, key = task id: 延期申请; the deadline in the snapshot is still the old one. */
public record TaskExtensionRequestedV1(TaskV1 task, String actor, String requestId, LocalDate currentDeadline,
                                       LocalDate requestedDeadline, String reason) {
    public static final String TYPE = "task.extension-requested.v1";
}
