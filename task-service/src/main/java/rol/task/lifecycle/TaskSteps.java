package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskV1;
import rol.platform.problem.IfMatch;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.platform.quarkus.OutboxWriter;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.plan.Milestone;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.workflow.Actor;
import rol.task.workflow.Decision;
import rol.task.workflow.Lifecycle;
import rol.task.workflow.Performer;
import rol.task.workflow.TaskAction;
import rol.task.workflow.TaskFacts;
import rol.task.workflow.TaskState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The steps every action on a stored task shares: load the task the caller may see (another department's is 404),
 * ask {@link Lifecycle#decide} (403 / 409 naming the state and what is allowed), check {@code If-Match} (412); the
 * action then checks its input (400, nothing changed) and {@link #finish}es: in one transaction the task changes,
 * its history grows by an entry and the event goes to the outbox. The actions themselves are grouped by who takes
 * them: {@link DispatchActions}, {@link DepartmentActions}, {@link OfficeDecisions}, {@link TaskExtensions},
 * {@link TaskMilestones}; {@link TaskHistory} reads the trail.
 */
@ApplicationScoped
public class TaskSteps {

    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_LIST = 20;
    /** The 412 of task-service, naming the stored version. */
    public static final String STALE = "stale-version";

    private final Lifecycle lifecycle = Lifecycle.standard();

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    DataSource dataSource;

    /** One action under way: the task as loaded, the decision, who acts, and the task before the change. */
    record Step(Task task, WorkPlan plan, List<Milestone> milestones, Decision decision, Performer capacity,
                TaskV1 before, OffsetDateTime now) {
    }

    /** A task the caller may see; another department's task is answered like one that does not exist (404). */
    public Task visible(UUID id) {
        Task task = Task.findById(id);
        if (task == null || (!seesAll() && !task.involves(ownDepartment()))) {
            throw ProblemException.notFound("task", id);
        }
        return task;
    }

    public Actor actor() {
        List<String> roles = new ArrayList<>();
        for (String r : List.of(Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR)) {
            if (caller.is(r)) {
                roles.add(r);
            }
        }
        return Actor.of(roles, caller.department().orElse(null));
    }

    /** What the caller may do to this task now (Lifecycle, with the task's facts): the view's allowedActions. */
    public Set<TaskAction> allowedActions(Task task, List<Milestone> milestones, boolean extensionPending) {
        Actor actor = actor();
        TaskFacts facts = new TaskFacts(task.keySupervision, extensionPending, milestones.stream().anyMatch(m -> !m.done()));
        return lifecycle.allowedActions(task.state, actor, actor.participationIn(task.owners()), facts);
    }

    Step begin(UUID id, TaskAction action, String ifMatch) {
        Task task = visible(id);
        Decision d = decide(task, action, ifMatch);
        WorkPlan plan = WorkPlan.findById(task.workPlanId);
        List<Milestone> milestones = Milestone.ofTask(task.id);
        Performer capacity = Lifecycle.capacity(actor(), actor().participationIn(task.owners())).orElseThrow();
        return new Step(task, plan, milestones, d, capacity, task.snapshot(plan, milestones), now());
    }

    /**
     * For a change beside the lifecycle that needs the right to perform {@code action} now but moves no state (an
     * evidence upload needs REPORT_PROGRESS): the same 403 and 409 as the action, and the capacity it is done in.
     */
    public Performer capacityFor(Task task, TaskAction action) {
        decide(task, action, null);
        return Lifecycle.capacity(actor(), actor().participationIn(task.owners())).orElseThrow();
    }

    /** Role (403), then If-Match (412), then state (409): the order of docs/lifecycle.md. */
    private Decision decide(Task task, TaskAction action, String ifMatch) {
        Decision d = lifecycle.decide(task.state, action, actor(), task.owners());
        if (d.outcome() == Decision.Outcome.REFUSED_BY_ROLE) {
            throw ProblemException.of(403, d.reason().code());
        }
        // without If-Match the action runs: the version check at flush still keeps concurrent writers apart
        IfMatch.parse(ifMatch).require(task.version, STALE);
        if (d.outcome() == Decision.Outcome.REFUSED_BY_STATE) {
            List<String> allowed = d.allowedActions().stream().map(Enum::name).toList();
            List<String> allowedNames = d.allowedActions().stream().map(a -> Messages.text("action.task." + a)).toList();
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("state", task.state.name());
            members.put("stateName", Messages.text("state.task." + task.state));
            members.put("action", action.name());
            members.put("allowedActions", allowed);
            members.put("allowedActionNames", allowedNames);
            throw new ProblemException(Problems.problem(409, "state-conflict", null, List.of(), members,
                    Messages.text("noun.task"), Messages.text("state.task." + task.state)));
        }
        return d;
    }

    /** The state change, flushed (the version check of JPA happens here), then history and event, same transaction. */
    void finish(Step step, Map<String, Object> detail, Function<TaskV1, Object> event, String type) {
        Task task = step.task();
        TaskState from = task.state;
        task.state = step.decision().next();
        task.updatedAt = step.now();
        task.persistAndFlush();
        // only the milestone actions change the milestones loaded at the start
        boolean milestonesChanged = step.decision().action() == TaskAction.PLAN_MILESTONES
                || step.decision().action() == TaskAction.COMPLETE_MILESTONE;
        List<Milestone> milestones = milestonesChanged ? Milestone.ofTask(task.id) : step.milestones();
        task.milestonesAfterAction(milestones);
        TaskV1 after = task.snapshot(step.plan(), milestones);
        history(task, step.now(), step.capacity(), step.decision().action().name(), from, step.before(), after, detail);
        outbox.append(Topics.TASK_EVENTS, type, task.id.toString(), event.apply(after));
    }

    /** An entry of the task's history (全程留痕), by the caller, in the current transaction. */
    void history(Task task, OffsetDateTime at, Performer capacity, String action, TaskState from, TaskV1 before,
                 TaskV1 after, Map<String, Object> detail) {
        update("insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before,"
                        + " after, detail) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))",
                task.id, at, caller.name(), capacity.name(), action, from.name(), task.state.name(), json(before),
                json(after), json(detail));
    }

    /** An entry of the deadline history: every deadline a task has had, why, and by whom. */
    void deadlineChanged(Task task, OffsetDateTime at, String cause, LocalDate from, LocalDate to, UUID request,
                         String reason) {
        update("insert into deadline_change (task_id, changed_at, changed_by, cause, old_deadline, new_deadline,"
                        + " extension_request_id, reason) values (?, ?, ?, ?, cast(? as date), cast(? as date),"
                        + " cast(? as uuid), cast(? as text))",
                task.id, at, caller.name(), cause, from == null ? null : from.toString(), to == null ? null : to.toString(),
                request == null ? null : request.toString(), reason);
    }

    /** Now, to the microsecond PostgreSQL keeps, so that what an answer shows is what was stored. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** A change as the history shows it (dates as text, like every date in a history entry). */
    static Map<String, Object> beforeAfter(Object before, Object after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before instanceof LocalDate d ? d.toString() : before);
        m.put("after", after instanceof LocalDate d ? d.toString() : after);
        return m;
    }

    /**
     * A write beside Hibernate's, on the connection of the same transaction (what Hibernate changed is flushed
     * first). Nulls are bound as text: the SQL casts where the column is not.
     */
    void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    st.setNull(i + 1, Types.VARCHAR);
                } else {
                    st.setObject(i + 1, args[i]);
                }
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the task's trail failed", e);
        }
    }

    static String json(Object value) {
        return EventJson.tree(value).toString();
    }

    private boolean seesAll() {
        return caller.is(Roles.OFFICE) || caller.is(Roles.LEADER) || caller.is(Roles.AUDITOR);
    }

    private String ownDepartment() {
        return caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
    }
}
