package rol.task.workflow;

/** Where a task is in the 督办 lifecycle (docs/lifecycle.md). */
public enum TaskState {
    /** 立项: registered from a plan item, not yet dispatched. */
    DRAFT,
    /** 交办: the office named the lead department, co-departments and deadline. */
    DISPATCHED,
    /** 签收: the lead department acknowledged it. */
    ACKNOWLEDGED,
    /** 反馈: progress reports are coming in. */
    IN_PROGRESS,
    /** 申请办结: the department reports it done and waits for the office's review. */
    SUBMITTED,
    /** 销号: the office verified and closed it. */
    CLOSED,
    /** 退办: the office sent the completion back, with a reason. */
    RETURNED,
    /** 撤销: withdrawn, with a reason. */
    CANCELLED
}
