package rol.task.workflow;

/**
 * Where a supervised task (督办事项) stands. {@link Lifecycle} says which actions lead from one state to another;
 * nothing else in the code should decide that.
 */
public enum TaskState {
    /** 立项: registered from a plan item or problem; owners and deadline are only suggestions. */
    DRAFT,
    /** 交办: the office gave it a lead department, co-departments and a deadline. */
    DISPATCHED,
    /** 签收: the lead department took it on. */
    ACKNOWLEDGED,
    /** 反馈: at least one progress report. */
    IN_PROGRESS,
    /** 申请办结: the lead department says it is done; the office verifies. */
    SUBMITTED,
    /**
     * 退办: the office refused the submission with a reason. Kept apart from IN_PROGRESS so that the department's
     * list and the rollups show the return until the department acts on it; work continues from here exactly as
     * from IN_PROGRESS.
     */
    RETURNED,
    /** 销号: verified and closed. */
    CLOSED,
    /** 撤销: withdrawn by the office with a reason. */
    CANCELLED;

    /** No action leads out of a terminal state. */
    public boolean terminal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** The department is working on it: counts as "in progress" in rollups. */
    public boolean underWay() {
        return this == ACKNOWLEDGED || this == IN_PROGRESS || this == RETURNED;
    }
}
