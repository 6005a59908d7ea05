package rol.notification.rollup;

/** What a rollup is about. A task counts in one scope of each kind it has a value for. */
public enum ScopeKind {
    /** the whole district (全区) */
    DISTRICT,
    /** the lead department (牵头单位); co-departments are not counted */
    DEPARTMENT,
    /** the work plan (the report the task came from) */
    WORK_PLAN,
    /** the report's issuing organ (发文机关) */
    ISSUER,
    /** the plan year */
    PLAN_YEAR
}
