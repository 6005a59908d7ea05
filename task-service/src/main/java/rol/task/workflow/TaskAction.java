package rol.task.workflow;

/** What someone may do to a task. Reading is not an action here: {@link Access} decides it. */
public enum TaskAction {
    /** Change the definition: title, text, owners, deadline (office only; the table says in which states). */
    UPDATE_DEFINITION,
    /** 交办: set lead department, co-departments and deadline, and send. */
    DISPATCH,
    /** 签收 by the lead department. */
    ACKNOWLEDGE,
    /** 进度反馈: percent, narrative, evidence. */
    REPORT_PROGRESS,
    /** 延期申请: reason and new date. */
    REQUEST_EXTENSION,
    /** Approve or reject a pending extension request; an approval adds to the deadline history. */
    DECIDE_EXTENSION,
    /** 申请办结. */
    SUBMIT,
    /** 销号. */
    CLOSE,
    /** 退办 with a reason. */
    RETURN,
    /**
     * Give an acknowledged task to another lead department: it goes back to DISPATCHED so that the new lead
     * acknowledges it (a plain definition change would leave a task "acknowledged" by nobody).
     */
    REASSIGN,
    /** 撤销 with a reason. */
    CANCEL,
    /** 挂牌督办. */
    FLAG_KEY_SUPERVISION,
    /** Lift 挂牌督办. */
    UNFLAG_KEY_SUPERVISION,
    /** 序时进度: add, change or remove a milestone of the task (not one already completed). */
    PLAN_MILESTONES,
    /** Mark a milestone as reached, with a note. */
    COMPLETE_MILESTONE
}
