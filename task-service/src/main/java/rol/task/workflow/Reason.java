package rol.task.workflow;

/** Why a decision came out as it did, as a stable code; the console and the problem bundle word it in Chinese. */
public enum Reason {
    ALLOWED("task.allowed"),
    /** 409: the action exists, the actor may perform it, but not in this state. */
    NOT_ALLOWED_IN_STATE("task.action-not-allowed-in-state"),
    /** 403: leader, auditor, or a token with none of our roles. */
    READ_ONLY_ROLE("task.read-only-role"),
    /** 403: role department, but the token names no department. */
    DEPARTMENT_CLAIM_MISSING("task.department-claim-missing"),
    /** 403: the department neither leads nor supports this task. */
    NOT_INVOLVED("task.not-involved"),
    /** 403: only the office does this. */
    OFFICE_ONLY("task.office-only"),
    /** 403: a co-department tried what only the lead department (or the office) does. */
    LEAD_DEPARTMENT_ONLY("task.lead-department-only");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
