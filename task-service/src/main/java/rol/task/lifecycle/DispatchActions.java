package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.task.workflow.DeadlineRange;
import rol.task.departments.DirectoryStore;
import rol.task.directory.Department;
import rol.task.plan.Milestone;
import rol.task.plan.Task;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.workflow.TaskAction;
import rol.task.workflow.TaskState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static rol.task.lifecycle.TaskSteps.MAX_LIST;
import static rol.task.lifecycle.TaskSteps.MAX_REASON;
import static rol.task.lifecycle.TaskSteps.beforeAfter;

/**
 * What the task is and who owns it, the office's part before and beside the work: 交办 (DISPATCH), the definition
 * (UPDATE_DEFINITION) and 改派 (REASSIGN). Owners come from the district's directory, deadlines lie ahead.
 */
@ApplicationScoped
public class DispatchActions {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10000;

    @Inject
    TaskSteps steps;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    DirectoryStore directories;

    @Transactional
    public Task dispatch(UUID id, String ifMatch, Requests.Dispatch body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.DISPATCH, ifMatch);
        Violations.body(body);
        Violations v = new Violations();
        DepartmentDirectory directory = directory(step.task());
        String lead = v.required("leadDepartment", body.leadDepartment(), 64);
        if (lead != null) {
            dispatchable(v, directory, "leadDepartment", lead);
        }
        List<String> co = coDepartments(v, directory, lead, body.coDepartments() == null ? List.of()
                : body.coDepartments());
        if (body.deadline() == null) {
            v.add("deadline", "field.required");
        } else {
            deadline(v, step.task(), body.deadline());
        }
        v.throwIfAny();
        Task task = step.task();
        LocalDate oldDeadline = task.deadline;
        task.leadDepartment = lead;
        task.coDepartments = co;
        task.deadline = body.deadline();
        task.dispatchedAt = step.now();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("leadDepartment", lead);
        detail.put("coDepartments", co);
        detail.put("deadline", body.deadline().toString());
        steps.finish(step, detail, after -> new TaskDispatchedV1(after, caller.name(), null, null),
                TaskDispatchedV1.TYPE);
        steps.deadlineChanged(task, step.now(), "DISPATCH", oldDeadline, task.deadline, null, null);
        return task;
    }

    /**
     * The office changes title, text, owners or deadline (PATCH: the members present). Owners and deadline of a
     * draft are set by dispatching it. A new lead once the task is acknowledged is a reassignment (409 naming
     * REASSIGN): the clerk must see that the task goes back to DISPATCHED. A moved deadline needs a reason and goes
     * into the deadline history. Nothing that differs: nothing happens.
     */
    @Transactional
    public Task updateDefinition(UUID id, String ifMatch, Requests.Definition body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.UPDATE_DEFINITION, ifMatch);
        Violations.body(body);
        Violations v = new Violations();
        Task task = step.task();
        String title = body.title() == null ? task.title : v.required("title", body.title(), MAX_TITLE);
        String text = body.text() == null ? task.text : v.required("text", body.text(), MAX_TEXT);
        String lead = task.leadDepartment;
        List<String> co = task.coDepartments;
        LocalDate deadline = task.deadline;
        if (task.state == TaskState.DRAFT) {
            if (body.leadDepartment() != null) {
                v.add("leadDepartment", "definition.draft-owners");
            }
            if (body.coDepartments() != null) {
                v.add("coDepartments", "definition.draft-owners");
            }
            if (body.deadline() != null) {
                v.add("deadline", "definition.draft-owners");
            }
        } else {
            DepartmentDirectory directory = directory(task);
            if (body.leadDepartment() != null) {
                lead = v.required("leadDepartment", body.leadDepartment(), 64);
                if (lead != null && !lead.equals(task.leadDepartment)) {
                    if (task.state != TaskState.DISPATCHED) {
                        throw ProblemException.of(409, "lead-change-needs-reassign",
                                Messages.text("state.task." + task.state));
                    }
                    dispatchable(v, directory, "leadDepartment", lead);
                }
            }
            if (body.coDepartments() != null) {
                co = coDepartments(v, directory, lead, body.coDepartments());
            } else if (lead != null && co.contains(lead)) {
                v.add("leadDepartment", "definition.lead-is-co", lead);
            }
            if (body.deadline() != null && !body.deadline().equals(task.deadline)) {
                deadline = body.deadline();
                deadline(v, task, deadline);
            }
        }
        boolean deadlineMoves = !Objects.equals(deadline, task.deadline);
        String reason = deadlineMoves ? v.required("reason", body.reason(), MAX_REASON)
                : v.optional("reason", body.reason(), MAX_REASON);
        v.throwIfAny();

        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "title", task.title, title);
        change(changes, "text", task.text, text);
        change(changes, "leadDepartment", task.leadDepartment, lead);
        if (!Set.copyOf(task.coDepartments).equals(Set.copyOf(co))) {
            changes.put("coDepartments", beforeAfter(List.copyOf(task.coDepartments), co));
        }
        change(changes, "deadline", task.deadline, deadline);
        if (changes.isEmpty()) {
            return task;
        }
        LocalDate oldDeadline = task.deadline;
        task.title = title;
        task.text = text;
        task.leadDepartment = lead;
        task.coDepartments = new ArrayList<>(co);
        task.deadline = deadline;
        List<String> changed = List.copyOf(changes.keySet());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("changed", changed);
        detail.put("changes", changes);
        detail.put("reason", reason);
        steps.finish(step, detail, after -> new TaskUpdatedV1(after, caller.name(), changed), TaskUpdatedV1.TYPE);
        if (deadlineMoves) {
            steps.deadlineChanged(task, step.now(), "UPDATE_DEFINITION", oldDeadline, deadline, null, reason);
        }
        return task;
    }

    /**
     * 改派: another lead department for a task already acknowledged; back to DISPATCHED, so that the new lead
     * acknowledges it, and announced as a dispatch ({@code task.dispatched.v1}) because for the new lead that is
     * what it is. Co-departments as given, or the present ones (without the new lead) when absent.
     */
    @Transactional
    public Task reassign(UUID id, String ifMatch, Requests.Reassign body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.REASSIGN, ifMatch);
        Violations.body(body);
        Violations v = new Violations();
        Task task = step.task();
        DepartmentDirectory directory = directory(task);
        String lead = v.required("leadDepartment", body.leadDepartment(), 64);
        if (lead != null) {
            if (lead.equals(task.leadDepartment)) {
                v.add("leadDepartment", "reassign.same-lead", lead);
            } else {
                dispatchable(v, directory, "leadDepartment", lead);
            }
        }
        List<String> co = body.coDepartments() != null ? coDepartments(v, directory, lead, body.coDepartments())
                : task.coDepartments.stream().filter(d -> !d.equals(lead)).toList();
        String reason = v.required("reason", body.reason(), MAX_REASON);
        v.throwIfAny();
        String previousLead = task.leadDepartment;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("leadDepartment", beforeAfter(previousLead, lead));
        detail.put("coDepartments", beforeAfter(List.copyOf(task.coDepartments), co));
        detail.put("reason", reason);
        task.leadDepartment = lead;
        task.coDepartments = new ArrayList<>(co);
        // the new lead's time runs from now: reminders and the rollups' elapsed time start at the last dispatch
        task.dispatchedAt = step.now();
        steps.finish(step, detail, after -> new TaskDispatchedV1(after, caller.name(), previousLead, reason),
                TaskDispatchedV1.TYPE);
        return task;
    }

    private DepartmentDirectory directory(Task task) {
        return directories.directory(task.district)
                .orElseThrow(() -> new IllegalStateException("no directory for district " + task.district));
    }

    /** Co-departments as dispatch takes them: each from the directory, a dispatch unit, once, and not the lead. */
    private static List<String> coDepartments(Violations v, DepartmentDirectory directory, String lead,
                                              List<String> given) {
        List<String> co = new ArrayList<>();
        if (given.size() > MAX_LIST) {
            v.add("coDepartments", "field.too-many", MAX_LIST);
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "coDepartments[" + i + "]";
            String d = v.required(field, given.get(i), 64);
            if (d == null) {
                continue;
            }
            if (d.equals(lead)) {
                v.add(field, "dispatch.co-is-lead", d);
            } else if (co.contains(d)) {
                v.add(field, "dispatch.co-twice", d);
            } else if (dispatchable(v, directory, field, d)) {
                co.add(d);
            }
        }
        return co;
    }

    private static boolean dispatchable(Violations v, DepartmentDirectory directory, String field, String id) {
        Optional<Department> d = directory.byId(id);
        if (d.isEmpty()) {
            v.add(field, "dispatch.department.unknown", id);
            return false;
        }
        if (d.get().parent() != null) {
            Department unit = directory.dispatchUnit(d.get());
            v.add(field, "dispatch.department.sub-unit", d.get().displayName(), unit.displayName(), unit.id());
            return false;
        }
        return true;
    }

    /** A deadline being set: not in the past, and not before a milestone still open (序时进度 lie within it). */
    private void deadline(Violations v, Task task, LocalDate deadline) {
        LocalDate today = LocalDate.now(clock);
        if (deadline.isBefore(today)) {
            v.add("deadline", "deadline.before-today", deadline, today);
            return;
        }
        if (DeadlineRange.tooFar(deadline, today)) {
            v.add("deadline", "deadline.too-far", deadline, DeadlineRange.latest(today));
            return;
        }
        Milestone.ofTask(task.id).stream().filter(m -> !m.done() && m.dueDate.isAfter(deadline)).findFirst()
                .ifPresent(m -> v.add("deadline", "deadline.before-milestone", deadline, m.title, m.dueDate));
    }

    private static void change(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, beforeAfter(before, after));
        }
    }
}
