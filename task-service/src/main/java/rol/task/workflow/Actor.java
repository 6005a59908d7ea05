package rol.task.workflow;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who acts, as far as the rules care: the roles of the token and, for department staff, the department claim
 * (a directory id). The application layer builds it from rol.platform.security.Caller.
 */
public record Actor(Set<Role> roles, String department) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        department = department == null || department.isBlank() ? null : department.strip();
    }

    /** From the token's role names; names that are not ours are ignored. */
    public static Actor of(Collection<String> roleClaims, String department) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roleClaims.forEach(c -> Role.ofClaim(c).ifPresent(roles::add));
        return new Actor(roles, department);
    }

    public static Actor office() {
        return new Actor(Set.of(Role.OFFICE), null);
    }

    public static Actor department(String department) {
        return new Actor(Set.of(Role.DEPARTMENT), department);
    }

    public static Actor leader() {
        return new Actor(Set.of(Role.LEADER), null);
    }

    public static Actor auditor() {
        return new Actor(Set.of(Role.AUDITOR), null);
    }

    public boolean isOffice() {
        return roles.contains(Role.OFFICE);
    }

    /** Department staff whose token names their department: the only department users who can act. */
    public boolean isDepartmentStaff() {
        return roles.contains(Role.DEPARTMENT) && department != null;
    }

    /** This actor's department's stake in a task with these owners (NONE for everyone who is not department staff). */
    public Participation participationIn(TaskOwners owners) {
        return isDepartmentStaff() ? owners.participationOf(department) : Participation.NONE;
    }
}
