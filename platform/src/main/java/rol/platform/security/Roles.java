package rol.platform.security;

/** The realm roles of the {@code rule-of-law} realm; docs/security.md shows what each may do. */
public final class Roles {

    /** Staff of the district rule-of-law office: everything. */
    public static final String OFFICE = "office";
    /** Staff of one department or sub-district, named by the token's {@code department} claim: its own tasks. */
    public static final String DEPARTMENT = "department";
    /** District leaders: read-only. */
    public static final String LEADER = "leader";
    /** Inspectors: read-only, including audit history. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
