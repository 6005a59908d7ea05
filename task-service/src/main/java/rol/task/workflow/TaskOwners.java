package rol.task.workflow;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The departments a task is dispatched to, by directory id. A draft has none: its owners are only suggestions
 * until DISPATCH, so no department sees a draft.
 */
public record TaskOwners(String lead, Set<String> coDepartments) {

    public static final TaskOwners NONE = new TaskOwners(null, Set.of());

    public TaskOwners {
        coDepartments = coDepartments == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(coDepartments));
        if (lead == null && !coDepartments.isEmpty()) {
            throw new IllegalArgumentException("co-departments without a lead department");
        }
        if (lead != null && coDepartments.contains(lead)) {
            throw new IllegalArgumentException("the lead department " + lead + " cannot also be a co-department");
        }
    }

    public static TaskOwners of(String lead, String... co) {
        return new TaskOwners(Objects.requireNonNull(lead), Set.of(co));
    }

    public Participation participationOf(String department) {
        if (department == null || lead == null) {
            return Participation.NONE;
        }
        if (department.equals(lead)) {
            return Participation.LEAD;
        }
        return coDepartments.contains(department) ? Participation.CO : Participation.NONE;
    }
}
