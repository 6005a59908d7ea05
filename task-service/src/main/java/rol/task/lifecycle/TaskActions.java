package rol.task.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskAcknowledgedV1;
import rol.platform.event.task.TaskCancelledV1;
import rol.platform.event.task.TaskClosedV1;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskExtensionDecidedV1;
import rol.platform.event.task.TaskExtensionRequestedV1;
import rol.platform.event.task.TaskProgressReportedV1;
import rol.platform.event.task.TaskReturnedV1;
import rol.platform.event.task.TaskSubmittedV1;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.platform.quarkus.OutboxWriter;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.departments.DirectoryStore;
import rol.task.directory.Department;
import rol.task.plan.Milestone;
import rol.task.evidence.EvidenceFile;
import rol.task.evidence.EvidenceStore;
import rol.task.plan.PendingRevision;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.workflow.Actor;
import rol.task.workflow.Decision;
import rol.task.workflow.Lifecycle;
import rol.task.workflow.Performer;
import rol.task.workflow.TaskAction;
import rol.task.workflow.TaskState;

import javax.sql.DataSource;
import java.net.URI;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * The 督办 lifecycle over a stored task. Every action: load the task the caller may see (another department's is
 * 404), ask {@link Lifecycle#decide} (403 / 409 naming the state and what is allowed), check {@code If-Match} (412),
 * check the input (400, nothing changed), then in one transaction change the task, append to its history and write
 * the event to the outbox.
 */
@ApplicationScoped
public class TaskActions {

    static final int MAX_REASON = 500;
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10000;
    static final int MAX_NOTE = 2000;
    static final int MAX_LIST = 20;
    static final int MAX_URL = 2000;
    static final int MAX_FILE_NAME = 200;
    static final long MAX_FILE_SIZE = 200L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Lifecycle lifecycle = Lifecycle.standard();

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    @Inject
    DirectoryStore directories;

    @Inject
    DataSource dataSource;

    @Inject
    EvidenceStore evidenceFiles;

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

    // ── the actions ──

    @Transactional
    public Task dispatch(UUID id, String ifMatch, Requests.Dispatch body) {
        Step step = begin(id, TaskAction.DISPATCH, ifMatch);
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
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
        finish(step, detail, after -> new TaskDispatchedV1(after, caller.name(), null, null), TaskDispatchedV1.TYPE);
        deadlineChanged(task, step.now(), "DISPATCH", oldDeadline, task.deadline, null, null);
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
        Step step = begin(id, TaskAction.UPDATE_DEFINITION, ifMatch);
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
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
        finish(step, detail, after -> new TaskUpdatedV1(after, caller.name(), changed), TaskUpdatedV1.TYPE);
        if (deadlineMoves) {
            deadlineChanged(task, step.now(), "UPDATE_DEFINITION", oldDeadline, deadline, null, reason);
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
        Step step = begin(id, TaskAction.REASSIGN, ifMatch);
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
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
        finish(step, detail, after -> new TaskDispatchedV1(after, caller.name(), previousLead, reason),
                TaskDispatchedV1.TYPE);
        return task;
    }

    @Transactional
    public Task acknowledge(UUID id, String ifMatch) {
        Step step = begin(id, TaskAction.ACKNOWLEDGE, ifMatch);
        finish(step, Map.of(), after -> new TaskAcknowledgedV1(after, caller.name(), step.capacity().name()),
                TaskAcknowledgedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task reportProgress(UUID id, String ifMatch, Requests.Progress body) {
        Step step = begin(id, TaskAction.REPORT_PROGRESS, ifMatch);
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
        if (body.percent() == null) {
            v.add("percent", "field.required");
        } else if (body.percent() < 0 || body.percent() > 100) {
            v.add("percent", "progress.percent.range", body.percent());
        }
        String note = v.optional("note", body.note(), MAX_NOTE);
        List<TaskProgressReportedV1.Evidence> evidence = evidence(v, step.task().id, body.evidence());
        List<TaskProgressReportedV1.Metric> metrics = metrics(v, body.metrics());
        v.throwIfAny();
        Task task = step.task();
        task.percent = body.percent();
        task.lastFeedbackAt = step.now();
        var progress = new TaskProgressReportedV1.Progress(UUID.randomUUID().toString(), step.now(), body.percent(),
                note, evidence, metrics);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("progress", progress);
        String department = step.capacity() == Performer.OFFICE ? null : caller.department().orElse(null);
        finish(step, detail, after -> new TaskProgressReportedV1(after, caller.name(), step.capacity().name(),
                department, progress), TaskProgressReportedV1.TYPE);
        update("insert into progress_report (id, task_id, reported_at, reported_by, capacity, percent, note, evidence,"
                        + " metrics) values (?, ?, ?, ?, ?, ?, cast(? as text), cast(? as jsonb), cast(? as jsonb))",
                UUID.fromString(progress.id()), task.id, step.now(), caller.name(), step.capacity().name(),
                progress.percent(), note, json(evidence), json(metrics));
        return task;
    }

    @Transactional
    public Task submit(UUID id, String ifMatch) {
        Step step = begin(id, TaskAction.SUBMIT, ifMatch);
        finish(step, Map.of(), after -> new TaskSubmittedV1(after, caller.name(), step.capacity().name()),
                TaskSubmittedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task close(UUID id, String ifMatch) {
        Step step = begin(id, TaskAction.CLOSE, ifMatch);
        step.task().closedAt = step.now();
        finish(step, Map.of(), after -> new TaskClosedV1(after, caller.name()), TaskClosedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task returnToDepartment(UUID id, String ifMatch, Requests.WithReason body) {
        Step step = begin(id, TaskAction.RETURN, ifMatch);
        String reason = reason(body);
        finish(step, Map.of("reason", reason), after -> new TaskReturnedV1(after, caller.name(), reason),
                TaskReturnedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task cancel(UUID id, String ifMatch, Requests.WithReason body) {
        Step step = begin(id, TaskAction.CANCEL, ifMatch);
        String reason = reason(body);
        String previous = step.task().state.name();
        finish(step, Map.of("reason", reason), after -> new TaskCancelledV1(after, caller.name(), previous, reason),
                TaskCancelledV1.TYPE);
        return step.task();
    }

    @Transactional
    public ExtensionRequest requestExtension(UUID id, String ifMatch, Requests.ExtensionRequest body) {
        Step step = begin(id, TaskAction.REQUEST_EXTENSION, ifMatch);
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
        Task task = step.task();
        LocalDate today = LocalDate.now(clock);
        if (body.newDeadline() == null) {
            v.add("newDeadline", "field.required");
        } else if (body.newDeadline().isBefore(today)) {
            v.add("newDeadline", "deadline.before-today", body.newDeadline(), today);
        } else if (task.deadline != null && !body.newDeadline().isAfter(task.deadline)) {
            v.add("newDeadline", "extension.not-later", body.newDeadline(), task.deadline);
        }
        String reason = v.required("reason", body.reason(), MAX_REASON);
        v.throwIfAny();
        ExtensionRequest.pending(task.id).ifPresent(p -> {
            throw ProblemException.of(409, "extension-pending", p.newDeadline, p.requestedAt.toLocalDate());
        });
        ExtensionRequest r = new ExtensionRequest();
        r.id = UUID.randomUUID();
        r.taskId = task.id;
        r.requestedAt = step.now();
        r.requestedBy = caller.name();
        r.currentDeadline = task.deadline;
        r.newDeadline = body.newDeadline();
        r.reason = reason;
        r.status = ExtensionRequest.Status.PENDING;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requestId", r.id.toString());
        detail.put("currentDeadline", String.valueOf(task.deadline));
        detail.put("newDeadline", r.newDeadline.toString());
        detail.put("reason", reason);
        finish(step, detail, after -> new TaskExtensionRequestedV1(after, caller.name(), r.id.toString(),
                r.currentDeadline, r.newDeadline, reason), TaskExtensionRequestedV1.TYPE);
        r.persistAndFlush();
        return r;
    }

    @Transactional
    public ExtensionRequest decideExtension(UUID id, UUID requestId, String ifMatch, Requests.ExtensionDecision body) {
        Step step = begin(id, TaskAction.DECIDE_EXTENSION, ifMatch);
        Task task = step.task();
        ExtensionRequest r = ExtensionRequest.findById(requestId);
        if (r == null || !r.taskId.equals(task.id)) {
            throw ProblemException.notFound("extension-request", requestId);
        }
        if (r.status != ExtensionRequest.Status.PENDING) {
            throw ProblemException.of(409, "extension-decided", Messages.text("extension.status." + r.status));
        }
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "body.missing").throwIfAny();
        }
        if (body.approve() == null) {
            v.add("approve", "extension.approve.required");
        }
        String comment = Boolean.FALSE.equals(body.approve())
                ? v.required("comment", body.comment(), MAX_REASON)
                : v.optional("comment", body.comment(), MAX_REASON);
        v.throwIfAny();
        LocalDate previous = task.deadline;
        r.status = body.approve() ? ExtensionRequest.Status.APPROVED : ExtensionRequest.Status.REJECTED;
        r.decidedAt = step.now();
        r.decidedBy = caller.name();
        r.comment = comment;
        if (body.approve()) {
            task.deadline = r.newDeadline;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requestId", r.id.toString());
        detail.put("approved", body.approve());
        detail.put("previousDeadline", String.valueOf(previous));
        detail.put("requestedDeadline", r.newDeadline.toString());
        detail.put("comment", comment);
        finish(step, detail, after -> new TaskExtensionDecidedV1(after, caller.name(), r.id.toString(), body.approve(),
                previous, r.newDeadline, comment), TaskExtensionDecidedV1.TYPE);
        r.persistAndFlush();
        if (body.approve()) {
            deadlineChanged(task, step.now(), "EXTENSION", previous, task.deadline, r.id, r.reason);
        }
        return r;
    }

    @Transactional
    public Task keySupervision(UUID id, String ifMatch, Requests.KeySupervision body) {
        if (body == null || body.flagged() == null) {
            // the role is still checked first: someone who may not flag learns nothing from a 400
            begin(id, TaskAction.FLAG_KEY_SUPERVISION, ifMatch);
            new Violations().add("flagged", "key-supervision.flagged.required").throwIfAny();
        }
        TaskAction action = body.flagged() ? TaskAction.FLAG_KEY_SUPERVISION : TaskAction.UNFLAG_KEY_SUPERVISION;
        Step step = begin(id, action, ifMatch);
        if (step.task().keySupervision == body.flagged()) {
            return step.task();
        }
        step.task().keySupervision = body.flagged();
        finish(step, Map.of("keySupervision", body.flagged()),
                after -> new TaskUpdatedV1(after, caller.name(), List.of("keySupervision")), TaskUpdatedV1.TYPE);
        return step.task();
    }

    // ── revisions of the report waiting for the office (PendingRevision) ──

    /**
     * The office accepts what a report revision would change: a CHANGE applies title, text, theme and span (as the
     * lifecycle's UPDATE_DEFINITION, so not while a submission is reviewed), a REMOVAL cancels the task. History and
     * event (task.updated.v1 / task.cancelled.v1) as for every action; If-Match against the task's version.
     */
    @Transactional
    public PendingRevision acceptRevision(UUID id, UUID revisionId, String ifMatch) {
        PendingRevision p = pendingRevision(id, revisionId);
        TaskAction action = p.kind == PendingRevision.Kind.REMOVAL ? TaskAction.CANCEL : TaskAction.UPDATE_DEFINITION;
        Step step = begin(id, action, ifMatch);
        undecided(p);
        Task task = step.task();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pendingRevisionId", p.id.toString());
        detail.put("revision", p.revision);
        detail.put("kind", p.kind.name());
        if (p.kind == PendingRevision.Kind.REMOVAL) {
            String reason = Messages.text("revision.removed.reason");
            String previous = task.state.name();
            detail.put("reason", reason);
            finish(step, detail, after -> new TaskCancelledV1(after, caller.name(), previous, reason),
                    TaskCancelledV1.TYPE);
        } else {
            List<String> changed = new ArrayList<>();
            String title = (String) p.after().get("title");
            String text = (String) p.after().get("text");
            String theme = (String) p.after().get("theme");
            Integer start = null;
            Integer end = null;
            if (p.after().get("span") instanceof Map<?, ?> span) {
                start = ((Number) span.get("start")).intValue();
                end = ((Number) span.get("end")).intValue();
            }
            if (!java.util.Objects.equals(task.title, title)) {
                changed.add("title");
            }
            if (!java.util.Objects.equals(task.theme, theme)) {
                changed.add("theme");
            }
            if (!java.util.Objects.equals(task.text, text)) {
                changed.add("text");
            }
            if (!java.util.Objects.equals(task.spanStart, start) || !java.util.Objects.equals(task.spanEnd, end)) {
                changed.add("span");
            }
            task.title = title;
            task.text = text;
            task.theme = theme;
            task.spanStart = start;
            task.spanEnd = end;
            detail.put("changed", changed);
            finish(step, detail, after -> new TaskUpdatedV1(after, caller.name(), changed), TaskUpdatedV1.TYPE);
        }
        p.status = PendingRevision.Status.ACCEPTED;
        p.decidedBy = caller.name();
        p.decidedAt = step.now();
        p.persistAndFlush();
        return p;
    }

    /** The office keeps the task as it is: the pending revision is rejected, noted in the history, the task unchanged. */
    @Transactional
    public PendingRevision rejectRevision(UUID id, UUID revisionId, String ifMatch) {
        PendingRevision p = pendingRevision(id, revisionId);
        Task task = visible(id);
        if (!caller.is(Roles.OFFICE)) {
            throw ProblemException.of(403, "task.office-only");
        }
        Preconditions.check(ifMatch, task.version);
        undecided(p);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        p.status = PendingRevision.Status.REJECTED;
        p.decidedBy = caller.name();
        p.decidedAt = now;
        p.persistAndFlush();
        TaskV1 snapshot = task.snapshot(WorkPlan.findById(task.workPlanId));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pendingRevisionId", p.id.toString());
        detail.put("revision", p.revision);
        detail.put("kind", p.kind.name());
        update("insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before,"
                        + " after, detail) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))",
                task.id, now, caller.name(), Performer.OFFICE.name(), "REJECT_REVISION", task.state.name(),
                task.state.name(), json(snapshot), json(snapshot), json(detail));
        return p;
    }

    private PendingRevision pendingRevision(UUID taskId, UUID revisionId) {
        visible(taskId);
        PendingRevision p = PendingRevision.findById(revisionId);
        if (p == null || !p.taskId.equals(taskId)) {
            throw ProblemException.notFound("pending-revision", revisionId);
        }
        return p;
    }

    private static void undecided(PendingRevision p) {
        if (p.status != PendingRevision.Status.PENDING) {
            throw ProblemException.of(409, "revision-decided", p.status.name());
        }
    }

    // ── reading the trail ──

    /** One entry of 全程留痕. */
    public record HistoryEntry(long id, OffsetDateTime at, String actor, String capacity, String action,
                               String stateBefore, String stateAfter, JsonNode before, JsonNode after,
                               JsonNode detail) {
    }

    /** @param reason why: the extension request's reason, or the office's when it changed the definition */
    public record DeadlineChange(OffsetDateTime at, String by, String cause, LocalDate oldDeadline,
                                 LocalDate newDeadline, UUID extensionRequestId, String reason) {
    }

    /** The history of a task the caller may see and whose trail they may read (Access.canReadHistory). */
    public List<HistoryEntry> history(UUID id) {
        Task task = visible(id);
        if (!rol.task.workflow.Access.canReadHistory(actor(), actor().participationIn(task.owners()))) {
            throw ProblemException.of(403, "task.history-not-for-role");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, at, actor, capacity, action, state_before, state_after,"
                        + " before::text, after::text, detail::text from task_history where task_id = ?1 order by id")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new HistoryEntry(((Number) r[0]).longValue(), offset(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], tree((String) r[7]), tree((String) r[8]),
                tree((String) r[9]))).toList();
    }

    public List<DeadlineChange> deadlineHistory(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select changed_at, changed_by, cause, old_deadline, new_deadline,"
                        + " extension_request_id, reason from deadline_change where task_id = ?1 order by id")
                .setParameter(1, taskId).getResultList();
        return rows.stream().map(r -> new DeadlineChange(offset(r[0]), (String) r[1], (String) r[2], date(r[3]),
                date(r[4]), (UUID) r[5], (String) r[6])).toList();
    }

    // ── the steps every action shares ──

    Step begin(UUID id, TaskAction action, String ifMatch) {
        Task task = visible(id);
        Decision d = decide(task, action, ifMatch);
        WorkPlan plan = WorkPlan.findById(task.workPlanId);
        List<Milestone> milestones = Milestone.ofTask(task.id);
        Performer capacity = Lifecycle.capacity(actor(), actor().participationIn(task.owners())).orElseThrow();
        return new Step(task, plan, milestones, d, capacity, task.snapshot(plan, milestones),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
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
        Preconditions.check(ifMatch, task.version);
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
    void finish(Step step, Map<String, Object> detail, java.util.function.Function<TaskV1, Object> event,
                        String type) {
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
        update("insert into task_history (task_id, at, actor, capacity, action, state_before, state_after, before,"
                        + " after, detail) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))",
                task.id, step.now(), caller.name(), step.capacity().name(), step.decision().action().name(),
                from.name(), task.state.name(), json(step.before()), json(after), json(detail));
        outbox.append(Topics.TASK_EVENTS, type, task.id.toString(), event.apply(after));
    }

    private void deadlineChanged(Task task, OffsetDateTime at, String cause, LocalDate from, LocalDate to, UUID request,
                                 String reason) {
        update("insert into deadline_change (task_id, changed_at, changed_by, cause, old_deadline, new_deadline,"
                        + " extension_request_id, reason) values (?, ?, ?, ?, cast(? as date), cast(? as date),"
                        + " cast(? as uuid), cast(? as text))",
                task.id, at, caller.name(), cause, from == null ? null : from.toString(), to == null ? null : to.toString(),
                request == null ? null : request.toString(), reason);
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

    /** A deadline being set: not in the past, and not before a milestone still open (序时进度 lie within it). */
    private void deadline(Violations v, Task task, LocalDate deadline) {
        LocalDate today = LocalDate.now(clock);
        if (deadline.isBefore(today)) {
            v.add("deadline", "deadline.before-today", deadline, today);
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
    private void update(String sql, Object... args) {
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

    private static String reason(Requests.WithReason body) {
        Violations v = new Violations();
        String reason = v.required("reason", body == null ? null : body.reason(), MAX_REASON);
        v.throwIfAny();
        return reason;
    }

    private List<TaskProgressReportedV1.Evidence> evidence(Violations v, UUID taskId, List<Requests.Evidence> items) {
        List<TaskProgressReportedV1.Evidence> out = new ArrayList<>();
        v.each("evidence", items, MAX_LIST, (at, e) -> {
            String kind = v.required(at + ".kind", e.kind(), 10);
            if (kind == null) {
                return;
            }
            switch (kind.toLowerCase(Locale.ROOT)) {
                case "link" -> {
                    String url = v.required(at + ".url", e.url(), MAX_URL);
                    if (url != null && !webAddress(url)) {
                        v.add(at + ".url", "evidence.url.form");
                    }
                    out.add(new TaskProgressReportedV1.Evidence("link", url, v.optional(at + ".name", e.name(),
                            MAX_FILE_NAME), null, null));
                }
                case "file" -> {
                    if (e.fileId() != null) {
                        uploaded(v, at + ".fileId", taskId, e.fileId()).ifPresent(out::add);
                        return;
                    }
                    String name = v.required(at + ".name", e.name(), MAX_FILE_NAME);
                    if (e.size() == null) {
                        v.add(at + ".size", "field.required");
                    } else if (e.size() < 0 || e.size() > MAX_FILE_SIZE) {
                        v.add(at + ".size", "evidence.size.range", MAX_FILE_SIZE / 1024 / 1024);
                    }
                    String type = v.optional(at + ".contentType", e.contentType(), 100);
                    out.add(new TaskProgressReportedV1.Evidence("file", null, name, e.size(), type));
                }
                default -> v.add(at + ".kind", "evidence.kind.one-of");
            }
        });
        return out;
    }

    /**
     * A file uploaded to this task, described as stored (its url is the download path); a file of another task, or
     * no such file, is a violation of the field.
     */
    private Optional<TaskProgressReportedV1.Evidence> uploaded(Violations v, String field, UUID taskId, String fileId) {
        Optional<EvidenceFile> file;
        try {
            file = evidenceFiles.find(taskId, UUID.fromString(fileId.strip()));
        } catch (IllegalArgumentException e) {
            file = Optional.empty();
        }
        if (file.isEmpty()) {
            v.add(field, "evidence.file-id.not-of-task", fileId);
        }
        return file.map(f -> new TaskProgressReportedV1.Evidence("file", f.url(), f.fileName(), f.size(),
                f.contentType()));
    }

    private static List<TaskProgressReportedV1.Metric> metrics(Violations v, List<Requests.Metric> items) {
        List<TaskProgressReportedV1.Metric> out = new ArrayList<>();
        v.each("metrics", items, MAX_LIST, (at, m) -> {
            String label = v.required(at + ".label", m.label(), 50);
            if (m.value() == null) {
                v.add(at + ".value", "field.required");
            }
            String unit = v.optional(at + ".unit", m.unit(), 10);
            out.add(new TaskProgressReportedV1.Metric(label, m.value(), unit));
        });
        return out;
    }

    private static boolean webAddress(String url) {
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean seesAll() {
        return caller.is(Roles.OFFICE) || caller.is(Roles.LEADER) || caller.is(Roles.AUDITOR);
    }

    private String ownDepartment() {
        return caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
    }

    private static String json(Object value) {
        return EventJson.tree(value).toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history row is not JSON", e);
        }
    }

    private static OffsetDateTime offset(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + v);
    }

    private static LocalDate date(Object v) {
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + v);
    }
}
