package rol.notification.policy;

/** Why a reminder is sent. Together with the task and the occurrence key it identifies one sending, exactly once. */
public enum ReminderRule {
    /** 临近提醒: n working days before the deadline; key {@code before:<n>@<deadline>} */
    BEFORE_DEADLINE(false),
    /** 到期提醒: on the deadline; key {@code on-day@<deadline>} */
    ON_DEADLINE(false),
    /** 逾期提醒: every k working days after the deadline; key {@code after:<i>@<deadline>}, i = 1, 2, … */
    AFTER_DEADLINE(false),
    /** 督办 escalation to the office and the lead department's head; key {@code escalation@<deadline>} */
    ESCALATION(false),
    /** 催办: no feedback for too long; key {@code chaser:<date of last feedback or dispatch>:<i>} */
    CHASER(false),
    /** 交办通知: the task was dispatched; key {@code event:<event id>} */
    DISPATCHED(true),
    /** 退办通知: the submission was returned; key {@code event:<event id>} */
    RETURNED(true),
    /** 延期审批结果: an extension request was approved or rejected; key {@code event:<event id>} */
    EXTENSION_DECIDED(true);

    private final boolean notice;

    ReminderRule(boolean notice) {
        this.notice = notice;
    }

    /** Sent because of an event (once per event), not because of a date. */
    public boolean notice() {
        return notice;
    }
}
