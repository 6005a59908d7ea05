package rol.platform.event.task;

/**
 * {@code task.dispatched.v1}, key = task id: the office dispatched (交办) a task; lead department, co-departments and
 * deadline are in the snapshot. A reassignment (改派) is a dispatch to the new lead, who must acknowledge afresh.
 *
 * @param actor                  the user who dispatched it
 * @param previousLeadDepartment on a reassignment the lead it was taken from; null on the first dispatch
 * @param reason                 on a reassignment why; null on the first dispatch
 */
public record TaskDispatchedV1(TaskV1 task, String actor, String previousLeadDepartment, String reason) {
    public static final String TYPE = "task.dispatched.v1";
}
