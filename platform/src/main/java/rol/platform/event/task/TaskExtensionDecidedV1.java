package rol.platform.event.task;

import java.time.LocalDate;

/**
 * {@code task.extension-decided.v1}, key = task id: the office approved or rejected an extension request. On
 * approval the snapshot's deadline is the requested one and {@code previousDeadline} the one it replaced.
 */
public record TaskExtensionDecidedV1(TaskV1 task, String actor, String requestId, boolean approved,
                                     LocalDate previousDeadline, LocalDate requestedDeadline, String comment) {
    public static final String TYPE = "task.extension-decided.v1";
}
