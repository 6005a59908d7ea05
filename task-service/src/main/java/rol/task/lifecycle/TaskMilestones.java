package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.task.workflow.DeadlineRange;
import rol.task.plan.Milestone;
import rol.task.plan.Task;
import rol.task.workflow.TaskAction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * 序时进度: the milestones of a task, planned (PLAN_MILESTONES) and completed (COMPLETE_MILESTONE) like every other
 * action: 404 / 403 / 412 / 409 from {@link TaskSteps#begin}, then 400 for the input, then in one transaction the
 * milestone, the task's new version, its history entry and {@code task.updated.v1} ({@code changed}: milestones).
 */
@ApplicationScoped
public class TaskMilestones {

    static final int MAX_MILESTONES = 20;
    static final int MAX_MILESTONE_TITLE = 100;

    @Inject
    TaskSteps steps;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The milestones of a task the caller may see. */
    public List<Milestone> of(UUID taskId) {
        return Milestone.ofTask(steps.visible(taskId).id);
    }

    @Transactional
    public Milestone add(UUID taskId, String ifMatch, Requests.Milestone body) {
        TaskSteps.Step step = steps.begin(taskId, TaskAction.PLAN_MILESTONES, ifMatch);
        Task task = step.task();
        Violations.body(body);
        Violations v = new Violations();
        if (Milestone.count("taskId", task.id) >= MAX_MILESTONES) {
            v.add("milestones", "field.too-many", MAX_MILESTONES);
        }
        String title = v.required("title", body.title(), MAX_MILESTONE_TITLE);
        dueDate(v, task, body.dueDate());
        v.throwIfAny();
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.taskId = task.id;
        m.title = title;
        m.dueDate = body.dueDate();
        m.createdAt = step.now();
        m.createdBy = caller.name();
        m.persist();
        done(step, "ADD", m, null, described(m));
        return m;
    }

    /** A planned milestone changed (title, date); a completed one is part of the record and stays as it is. */
    @Transactional
    public Milestone change(UUID taskId, UUID milestoneId, String ifMatch, Requests.Milestone body) {
        TaskSteps.Step step = steps.begin(taskId, TaskAction.PLAN_MILESTONES, ifMatch);
        Task task = step.task();
        Milestone m = open(task, milestoneId);
        Violations.body(body);
        Violations v = new Violations();
        String title = v.required("title", body.title(), MAX_MILESTONE_TITLE);
        if (!Objects.equals(body.dueDate(), m.dueDate)) {
            // only a new date must lie ahead: renaming an overdue milestone is no reason to refuse
            dueDate(v, task, body.dueDate());
        }
        v.throwIfAny();
        if (title.equals(m.title) && body.dueDate().equals(m.dueDate)) {
            return m;
        }
        Map<String, Object> before = described(m);
        m.title = title;
        m.dueDate = body.dueDate();
        done(step, "CHANGE", m, before, described(m));
        return m;
    }

    @Transactional
    public void remove(UUID taskId, UUID milestoneId, String ifMatch) {
        TaskSteps.Step step = steps.begin(taskId, TaskAction.PLAN_MILESTONES, ifMatch);
        Milestone m = open(step.task(), milestoneId);
        Map<String, Object> before = described(m);
        m.delete();
        done(step, "REMOVE", m, before, null);
    }

    @Transactional
    public Milestone complete(UUID taskId, UUID milestoneId, String ifMatch, Requests.MilestoneDone body) {
        TaskSteps.Step step = steps.begin(taskId, TaskAction.COMPLETE_MILESTONE, ifMatch);
        Milestone m = open(step.task(), milestoneId);
        Violations v = new Violations();
        String note = v.optional("note", body == null ? null : body.note(), TaskSteps.MAX_NOTE);
        v.throwIfAny();
        Map<String, Object> before = described(m);
        m.completedAt = step.now();
        m.completedBy = caller.name();
        m.note = note;
        done(step, "COMPLETE", m, before, described(m));
        return m;
    }

    private static Milestone open(Task task, UUID milestoneId) {
        Milestone m = Milestone.findById(milestoneId);
        if (m == null || !m.taskId.equals(task.id)) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
        if (m.done()) {
            throw ProblemException.of(409, "milestone-completed", m.title, m.completedAt.toLocalDate());
        }
        return m;
    }

    /** Within the task: not in the past, not after its deadline (a draft has none yet: dispatch checks then). */
    private void dueDate(Violations v, Task task, LocalDate due) {
        LocalDate today = LocalDate.now(clock);
        if (due == null) {
            v.add("dueDate", "field.required");
        } else if (due.isBefore(today)) {
            v.add("dueDate", "milestone.due-before-today", due, today);
        } else if (DeadlineRange.tooFar(due, today)) {
            v.add("dueDate", "deadline.too-far", due, DeadlineRange.latest(today));
        } else if (task.deadline != null && due.isAfter(task.deadline)) {
            v.add("dueDate", "milestone.due-after-deadline", due, task.deadline);
        }
    }

    private void done(TaskSteps.Step step, String change, Milestone m, Map<String, Object> before,
                      Map<String, Object> after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("milestoneId", m.id.toString());
        detail.put("change", change);
        detail.put("milestone", TaskSteps.beforeAfter(before, after));
        steps.finish(step, detail, snapshot -> new TaskUpdatedV1(snapshot, caller.name(), List.of("milestones")),
                TaskUpdatedV1.TYPE);
    }

    private static Map<String, Object> described(Milestone m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", m.title);
        d.put("dueDate", m.dueDate.toString());
        d.put("completedAt", m.completedAt == null ? null : m.completedAt.toString());
        d.put("completedBy", m.completedBy);
        d.put("note", m.note);
        return d;
    }
}
