package rol.task.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static rol.task.workflow.Performer.CO_DEPARTMENT;
import static rol.task.workflow.Performer.LEAD_DEPARTMENT;
import static rol.task.workflow.Performer.OFFICE;
import static rol.task.workflow.TaskAction.*;
import static rol.task.workflow.TaskState.*;

/**
 * The 督办 lifecycle as data: which action leads from which state to which, and who may perform each action.
 * The API answers 403/409 from {@link #decide}, the console shows {@link #allowedActions}, docs/lifecycle.md is
 * {@link #toMarkdown()} and LifecycleTest checks both against the table written out by hand.
 *
 * <p>Role is checked before state: someone who may never do an action learns nothing about the task's state (403);
 * someone who may do it, but not now, is told the state and what they may do instead (409).
 */
public final class Lifecycle {

    /** One row of the table. */
    public record Transition(TaskState from, TaskAction action, TaskState to) {
    }

    private static final Lifecycle STANDARD = new Builder()
            // who: the office does everything (the issue: "role office does everything"; feedback that arrives on
            // paper is entered by the office and the history shows who entered it); departments only their part
            .who(UPDATE_DEFINITION, OFFICE)
            .who(DISPATCH, OFFICE)
            .who(ACKNOWLEDGE, OFFICE, LEAD_DEPARTMENT)
            .who(REPORT_PROGRESS, OFFICE, LEAD_DEPARTMENT, CO_DEPARTMENT)
            .who(REQUEST_EXTENSION, OFFICE, LEAD_DEPARTMENT)
            .who(DECIDE_EXTENSION, OFFICE)
            .who(SUBMIT, OFFICE, LEAD_DEPARTMENT)
            .who(CLOSE, OFFICE)
            .who(RETURN, OFFICE)
            .who(REASSIGN, OFFICE)
            .who(CANCEL, OFFICE)
            .who(FLAG_KEY_SUPERVISION, OFFICE)
            .who(UNFLAG_KEY_SUPERVISION, OFFICE)
            // the lead department answers for the whole task, so it plans its stages too; co-departments read them
            .who(PLAN_MILESTONES, OFFICE, LEAD_DEPARTMENT)
            .who(COMPLETE_MILESTONE, OFFICE, LEAD_DEPARTMENT)

            .go(DRAFT, DISPATCH, DISPATCHED)
            .go(DISPATCHED, ACKNOWLEDGE, ACKNOWLEDGED)
            .go(ACKNOWLEDGED, REPORT_PROGRESS, IN_PROGRESS)
            .stay(IN_PROGRESS, REPORT_PROGRESS)
            .go(IN_PROGRESS, SUBMIT, SUBMITTED)
            .go(SUBMITTED, CLOSE, CLOSED)
            .go(SUBMITTED, RETURN, RETURNED)
            // a returned task continues as an in-progress one: new feedback makes it IN_PROGRESS again,
            // or the department resubmits at once with what the office asked for
            .go(RETURNED, REPORT_PROGRESS, IN_PROGRESS)
            .go(RETURNED, SUBMIT, SUBMITTED)
            // a new lead department must acknowledge afresh
            .go(ACKNOWLEDGED, REASSIGN, DISPATCHED)
            .go(IN_PROGRESS, REASSIGN, DISPATCHED)
            .go(RETURNED, REASSIGN, DISPATCHED)
            // extensions once the lead has taken the task on; a request pending at submission can still be decided
            .stay(REQUEST_EXTENSION, ACKNOWLEDGED, IN_PROGRESS, RETURNED)
            .stay(DECIDE_EXTENSION, ACKNOWLEDGED, IN_PROGRESS, RETURNED, SUBMITTED)
            // not while the office reviews a submission: return it first
            .stay(UPDATE_DEFINITION, DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED)
            .stay(FLAG_KEY_SUPERVISION, DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED)
            .stay(UNFLAG_KEY_SUPERVISION, DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED)
            // stages are planned from registration on, not while a submission is reviewed (like the definition);
            // they are reached once the lead has taken the task on, and may still be ticked off under review
            .stay(PLAN_MILESTONES, DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED)
            .stay(COMPLETE_MILESTONE, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED)
            .to(CANCEL, CANCELLED, DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED)
            .build();

    private final Map<TaskState, Map<TaskAction, TaskState>> next;
    private final Map<TaskAction, Set<Performer>> performers;

    private Lifecycle(Map<TaskState, Map<TaskAction, TaskState>> next, Map<TaskAction, Set<Performer>> performers) {
        this.next = next;
        this.performers = performers;
    }

    public static Lifecycle standard() {
        return STANDARD;
    }

    /** The state after {@code action} in {@code state}, if the table has that row. */
    public Optional<TaskState> next(TaskState state, TaskAction action) {
        return Optional.ofNullable(next.get(state).get(action));
    }

    /** Every action the table allows in a state, whoever performs it. */
    public Set<TaskAction> actionsIn(TaskState state) {
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        actions.addAll(next.get(state).keySet());
        return Collections.unmodifiableSet(actions);
    }

    public Set<Performer> performers(TaskAction action) {
        return performers.get(action);
    }

    /** All rows, in state then action order. */
    public List<Transition> transitions() {
        List<Transition> rows = new ArrayList<>();
        next.forEach((from, row) -> row.forEach((action, to) -> rows.add(new Transition(from, action, to))));
        return rows;
    }

    /** The capacity in which this actor would act on a task in which their department has this participation. */
    public static Optional<Performer> capacity(Actor actor, Participation participation) {
        if (actor.isOffice()) {
            return Optional.of(OFFICE);
        }
        if (!actor.isDepartmentStaff()) {
            return Optional.empty();
        }
        return switch (participation) {
            case LEAD -> Optional.of(LEAD_DEPARTMENT);
            case CO -> Optional.of(CO_DEPARTMENT);
            case NONE -> Optional.empty();
        };
    }

    public Decision decide(TaskState state, TaskAction action, Actor actor, TaskOwners owners) {
        return decide(state, action, actor, actor.participationIn(owners));
    }

    public Decision decide(TaskState state, TaskAction action, Actor actor, Participation participation) {
        Optional<Performer> capacity = capacity(actor, participation);
        if (capacity.isEmpty()) {
            return refusedByRole(state, action, noCapacityReason(actor));
        }
        if (!performers(action).contains(capacity.get())) {
            Reason reason = performers(action).contains(LEAD_DEPARTMENT) ? Reason.LEAD_DEPARTMENT_ONLY : Reason.OFFICE_ONLY;
            return refusedByRole(state, action, reason);
        }
        Set<TaskAction> allowed = allowedActions(state, actor, participation);
        return next(state, action)
                .map(to -> new Decision(Decision.Outcome.ALLOWED, Reason.ALLOWED, state, action, to, allowed))
                .orElseGet(() -> new Decision(Decision.Outcome.REFUSED_BY_STATE, Reason.NOT_ALLOWED_IN_STATE, state,
                        action, null, allowed));
    }

    /** What this actor may do now: the buttons of the console, and the list a 409 answer names. */
    public Set<TaskAction> allowedActions(TaskState state, Actor actor, Participation participation) {
        Optional<Performer> capacity = capacity(actor, participation);
        if (capacity.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(next.get(state).keySet().stream()
                .filter(a -> performers(a).contains(capacity.get()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskAction.class))));
    }

    /**
     * What this actor may do to this task now: {@link #allowedActions(TaskState, Actor, Participation)} without the
     * actions the task's facts leave nothing to act on (no pending request to decide, the flag already set, ...).
     * The task view's {@code allowedActions}: the console's buttons, each of which succeeds.
     */
    public Set<TaskAction> allowedActions(TaskState state, Actor actor, Participation participation, TaskFacts facts) {
        return Collections.unmodifiableSet(allowedActions(state, actor, participation).stream().filter(facts::admit)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskAction.class))));
    }

    private static Reason noCapacityReason(Actor actor) {
        if (actor.roles().contains(Role.DEPARTMENT)) {
            return actor.department() == null ? Reason.DEPARTMENT_CLAIM_MISSING : Reason.NOT_INVOLVED;
        }
        return Reason.READ_ONLY_ROLE;
    }

    private static Decision refusedByRole(TaskState state, TaskAction action, Reason reason) {
        return new Decision(Decision.Outcome.REFUSED_BY_ROLE, reason, state, action, null, Set.of());
    }

    /** The two tables as markdown, as they appear in docs/lifecycle.md between the generated markers. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| state | action | next state |\n|---|---|---|\n");
        for (Transition t : transitions()) {
            md.append("| ").append(t.from()).append(" | ").append(t.action()).append(" | ")
                    .append(t.to() == t.from() ? "(stays)" : t.to().name()).append(" |\n");
        }
        for (TaskState s : TaskState.values()) {
            if (next.get(s).isEmpty()) {
                md.append("| ").append(s).append(" | (none: terminal) | |\n");
            }
        }
        md.append("\n| action |");
        for (Performer p : Performer.values()) {
            md.append(' ').append(p.label()).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(Performer.values().length)).append('\n');
        for (TaskAction a : TaskAction.values()) {
            md.append("| ").append(a).append(" |");
            for (Performer p : Performer.values()) {
                md.append(performers(a).contains(p) ? " yes |" : " no |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static final class Builder {
        private final Map<TaskState, Map<TaskAction, TaskState>> next = new EnumMap<>(TaskState.class);
        private final Map<TaskAction, Set<Performer>> performers = new EnumMap<>(TaskAction.class);

        Builder() {
            for (TaskState s : TaskState.values()) {
                next.put(s, new EnumMap<>(TaskAction.class));
            }
        }

        Builder who(TaskAction action, Performer first, Performer... more) {
            performers.put(action, Collections.unmodifiableSet(EnumSet.of(first, more)));
            return this;
        }

        Builder go(TaskState from, TaskAction action, TaskState to) {
            if (next.get(from).put(action, to) != null) {
                throw new IllegalStateException("two rows for " + from + " " + action);
            }
            return this;
        }

        Builder stay(TaskState from, TaskAction action) {
            return go(from, action, from);
        }

        Builder stay(TaskAction action, TaskState... states) {
            for (TaskState s : states) {
                go(s, action, s);
            }
            return this;
        }

        Builder to(TaskAction action, TaskState to, TaskState... from) {
            for (TaskState s : from) {
                go(s, action, to);
            }
            return this;
        }

        Lifecycle build() {
            for (TaskAction a : TaskAction.values()) {
                if (!performers.containsKey(a)) {
                    throw new IllegalStateException("nobody may perform " + a);
                }
            }
            for (TaskState s : TaskState.values()) {
                if (s.terminal() != next.get(s).isEmpty()) {
                    throw new IllegalStateException(s + ": terminal states and only they have no way out");
                }
                next.put(s, Collections.unmodifiableMap(next.get(s)));
            }
            return new Lifecycle(Collections.unmodifiableMap(next), Collections.unmodifiableMap(performers));
        }
    }
}
