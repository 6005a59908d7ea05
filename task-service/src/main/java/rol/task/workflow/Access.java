package rol.task.workflow;

/**
 * Who may read a task and its history (全程留痕). Acting is {@link Lifecycle#decide}; reading is here because it
 * does not depend on the state.
 */
public final class Access {

    private Access() {
    }

    /** Office, leaders and auditors read every task; department staff only those their department leads or supports. */
    public static boolean canRead(Actor actor, Participation participation) {
        if (actor.isOffice() || actor.roles().contains(Role.LEADER) || actor.roles().contains(Role.AUDITOR)) {
            return true;
        }
        return actor.isDepartmentStaff() && participation != Participation.NONE;
    }

    /**
     * The full history: office and auditors, and department staff for their own tasks (they need the return reasons
     * and extension decisions). Leaders read dashboards, not trails.
     */
    public static boolean canReadHistory(Actor actor, Participation participation) {
        if (actor.isOffice() || actor.roles().contains(Role.AUDITOR)) {
            return true;
        }
        return actor.isDepartmentStaff() && participation != Participation.NONE;
    }
}
