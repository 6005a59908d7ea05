package rol.notification.policy;

/** Who a reminder goes to, as a role relative to the task; delivery resolves it to people and addresses. */
public enum Recipient {
    /** the lead department (牵头单位) */
    LEAD,
    /** the co-departments (配合单位) */
    CO,
    /** the district rule-of-law office (依法治区办) */
    OFFICE,
    /** the head of the lead department (牵头单位主要负责人) */
    LEAD_HEAD
}
