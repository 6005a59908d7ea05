package rol.task.workflow;

import java.util.Optional;

/** The realm roles as the workflow sees them; the strings are the token's role names (rol.platform.security.Roles). */
public enum Role {
    OFFICE("office"),
    DEPARTMENT("department"),
    LEADER("leader"),
    AUDITOR("auditor");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** Unknown role names (other clients' roles, Keycloak defaults) are ignored, not errors. */
    public static Optional<Role> ofClaim(String claim) {
        for (Role r : values()) {
            if (r.claim.equals(claim)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
