package rol.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.platform.event.CloudEvent;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.PlanMatchDecidedV1;
import rol.platform.event.report.ProblemsRecurredV1;
import rol.task.followup.PlanItemFollowUps;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportRevisedV1;
import rol.platform.event.task.TaskCancelledV1;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.problem.Messages;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskCreatedV1;
import rol.platform.inbox.EventHandler;
import rol.platform.quarkus.OutboxWriter;
import rol.task.departments.DirectoryStore;
import rol.task.lifecycle.TaskTrail;
import rol.task.rectification.Recurrences;
import rol.task.rectification.Rectifications;
import rol.task.lights.TaskLights;
import rol.task.suggestion.DeadlineSuggester;
import rol.task.suggestion.DeadlineSuggestion;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.suggestion.OwnerSuggester;
import rol.task.suggestion.OwnerSuggestion;
import rol.task.workflow.TaskState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns {@code report-events} into work plans with one draft task per actionable plan item (立项); runs in the inbox
 * transaction, so each event has its effect once, and the tasks' {@code task.created.v1} commit with them.
 */
@ApplicationScoped
public class ReportEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ReportEventsHandler.class);

    private static final DeadlineSuggester DEADLINES = new DeadlineSuggester();

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    DirectoryStore directories;

    @Inject
    Rectifications rectifications;

    @Inject
    Recurrences recurrences;

    @Inject
    TaskTrail trail;

    @Inject
    PlanItemFollowUps followUps;

    @Inject
    TaskLights lights;

    @Override
    public void handle(CloudEvent event) {
        if (ReportPublishedV1.TYPE.equals(event.type())) {
            published(event.dataAs(ReportPublishedV1.class));
        } else if (ReportRevisedV1.TYPE.equals(event.type())) {
            revised(event.dataAs(ReportRevisedV1.class));
        } else if (PlanFollowedUpV1.TYPE.equals(event.type())) {
            followUps.followedUp(event.dataAs(PlanFollowedUpV1.class));
        } else if (PlanMatchDecidedV1.TYPE.equals(event.type())) {
            followUps.decided(event.dataAs(PlanMatchDecidedV1.class));
        } else if (ProblemsRecurredV1.TYPE.equals(event.type())) {
            recurrences.replace(event.dataAs(ProblemsRecurredV1.class));
        } else {
            LOG.debugf("ignoring %s: task-service has no use for it", event.type());
        }
    }

    private static UUID reportId(String type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(type + " without a valid reportId: " + id);
        }
    }

    private void published(ReportPublishedV1 report) {
        UUID reportId = reportId(ReportPublishedV1.TYPE, report.reportId());
        if (WorkPlan.byReport(reportId).isPresent()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        WorkPlan plan = new WorkPlan();
        plan.id = UUID.randomUUID();
        plan.district = report.district();
        plan.reportId = reportId;
        plan.issuer = report.issuer();
        plan.title = report.title();
        plan.reportYear = report.reportYear();
        plan.planYear = report.planYear();
        plan.createdAt = now;
        plan.persist();

        Suggesters suggesters = suggesters(plan);
        Map<String, ReportPublishedV1.PlanItem> items = new HashMap<>();
        report.planItems().forEach(item -> items.put(item.id(), item));
        for (ReportPublishedV1.PlanItem item : report.planItems()) {
            if (item.leaf()) {
                created(plan, draft(plan, item, theme(item, items), now), suggesters);
            }
        }
        rectifications.sync(plan, report.problems(), now);
    }

    /** Owner and deadline suggestions for the drafts of a plan. */
    private record Suggesters(Optional<OwnerSuggester> owners, Integer year, String issuer, LocalDate today) {
        void apply(Task task) {
            String itemText = (task.title == null || task.text.contains(task.title) ? "" : task.title + "。") + task.text;
            task.suggestedLeadDepartment = null;
            task.suggestedLeadRule = null;
            task.suggestedLeadWords = null;
            task.suggestedCoDepartments = new ArrayList<>();
            task.suggestedCoRules = new ArrayList<>();
            task.suggestedCoWords = new ArrayList<>();
            task.suggestedDeadline = null;
            task.suggestedDeadlineRule = null;
            task.suggestedDeadlineWords = null;
            owners.ifPresent(o -> suggestOwners(task, o.suggest(itemText, issuer)));
            if (year != null) {
                suggestDeadline(task, DEADLINES.suggest(itemText, year, today));
            }
        }
    }

    private Suggesters suggesters(WorkPlan plan) {
        Optional<DepartmentDirectory> directory = directories.directory(plan.district);
        if (directory.isEmpty()) {
            LOG.warnf("no department directory for district %s: the tasks of report %s get no owner suggestions",
                    plan.district, plan.reportId);
        }
        Integer suggestYear = plan.planYear != null ? plan.planYear
                : plan.reportYear != null ? Integer.valueOf(plan.reportYear + 1) : null;
        return new Suggesters(directory.map(OwnerSuggester::new), suggestYear, plan.issuer, lights.today());
    }

    private void created(WorkPlan plan, Task task, Suggesters suggesters) {
        suggesters.apply(task);
        task.persistAndFlush();
        outbox.append(Topics.TASK_EVENTS, TaskCreatedV1.TYPE, task.id.toString(), new TaskCreatedV1(task.snapshot(plan)));
    }

    // ── report.revised.v1 ──

    /**
     * A corrected report: drafts follow it (updated in place, created, or cancelled when their item is gone); a task
     * already dispatched is never changed silently: the change waits as a {@link PendingRevision} for the office.
     * The problems' rectification items follow too. A revision not newer than the last applied one changes nothing.
     */
    private void revised(ReportRevisedV1 report) {
        UUID reportId = reportId(ReportRevisedV1.TYPE, report.reportId());
        Optional<WorkPlan> found = WorkPlan.byReport(reportId);
        if (found.isEmpty()) {
            LOG.warnf("revision %d of report %s arrived without a work plan (never published here): ignored",
                    report.revision(), reportId);
            return;
        }
        WorkPlan plan = found.get();
        if (report.revision() <= plan.revision) {
            LOG.debugf("revision %d of report %s is not newer than %d: ignored", (Object) report.revision(), reportId,
                    plan.revision);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        plan.revision = report.revision();
        plan.issuer = report.issuer();
        plan.title = report.title();
        plan.reportYear = report.reportYear();
        plan.planYear = report.planYear();
        plan.persistAndFlush();

        Suggesters suggesters = suggesters(plan);
        Map<String, ReportPublishedV1.PlanItem> items = new HashMap<>();
        report.planItems().forEach(item -> items.put(item.id(), item));
        Map<String, Task> tasks = new LinkedHashMap<>();
        Task.<Task>list("workPlanId = ?1 order by createdAt, id", plan.id).forEach(t -> tasks.put(t.planItemId, t));
        java.util.Set<String> leaves = new java.util.HashSet<>();
        for (ReportPublishedV1.PlanItem item : report.planItems()) {
            if (!item.leaf()) {
                continue;
            }
            leaves.add(item.id());
            Task revisedTask = draft(plan, item, theme(item, items), now);
            Task task = tasks.get(item.id());
            if (task == null) {
                created(plan, revisedTask, suggesters);
            } else if (task.state == TaskState.CANCELLED || task.state == TaskState.CLOSED) {
                LOG.debugf("task %s is %s: revision %d of its item is not applied", task.id, task.state,
                        report.revision());
            } else {
                List<String> changed = changes(task, revisedTask);
                if (task.state == TaskState.DRAFT) {
                    if (!changed.isEmpty()) {
                        updateDraft(plan, task, revisedTask, changed, suggesters, report.revision(), now);
                    }
                } else if (changed.isEmpty()) {
                    supersede(task.id, now);
                } else {
                    pending(task, PendingRevision.Kind.CHANGE, definition(revisedTask), report.revision(), now);
                }
            }
        }
        for (Task task : tasks.values()) {
            if (leaves.contains(task.planItemId) || task.state == TaskState.CANCELLED
                    || task.state == TaskState.CLOSED) {
                continue;
            }
            if (task.state == TaskState.DRAFT) {
                cancelDraft(plan, task, report.revision(), now);
            } else if (PendingRevision.pending(task.id).filter(p -> p.kind == PendingRevision.Kind.REMOVAL).isEmpty()) {
                pending(task, PendingRevision.Kind.REMOVAL, null, report.revision(), now);
            }
        }
        rectifications.sync(plan, report.problems(), now);
    }

    /** The definition members a revision may change, as the pending revision stores them. */
    static Map<String, Object> definition(Task t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", t.title);
        d.put("text", t.text);
        d.put("theme", t.theme);
        d.put("span", t.spanStart == null ? null : Map.of("start", t.spanStart, "end", t.spanEnd));
        return d;
    }

    /** Which of title, theme, text, span differ (names as the task snapshot and the API call them). */
    static List<String> changes(Task task, Task revised) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(task.title, revised.title)) {
            changed.add("title");
        }
        if (!Objects.equals(task.theme, revised.theme)) {
            changed.add("theme");
        }
        if (!Objects.equals(task.text, revised.text)) {
            changed.add("text");
        }
        if (!Objects.equals(task.spanStart, revised.spanStart) || !Objects.equals(task.spanEnd, revised.spanEnd)) {
            changed.add("span");
        }
        return changed;
    }

    private void updateDraft(WorkPlan plan, Task task, Task revised, List<String> changed, Suggesters suggesters,
                             int revision, OffsetDateTime now) {
        TaskV1 before = task.snapshot(plan);
        task.title = revised.title;
        task.text = revised.text;
        task.theme = revised.theme;
        task.spanStart = revised.spanStart;
        task.spanEnd = revised.spanEnd;
        task.updatedAt = now;
        suggesters.apply(task);
        task.persistAndFlush();
        TaskV1 after = task.snapshot(plan);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("revision", revision);
        detail.put("changed", changed);
        trail.append(task, now, TaskTrail.REPORT_REVISION_ACTOR, TaskTrail.SYSTEM_CAPACITY, "REVISE",
                TaskState.DRAFT.name(), before, after, detail);
        outbox.append(Topics.TASK_EVENTS, TaskUpdatedV1.TYPE, task.id.toString(),
                new TaskUpdatedV1(after, TaskTrail.REPORT_REVISION_ACTOR, changed));
    }

    private void cancelDraft(WorkPlan plan, Task task, int revision, OffsetDateTime now) {
        TaskV1 before = task.snapshot(plan);
        String reason = Messages.text("revision.removed.reason");
        task.state = TaskState.CANCELLED;
        task.updatedAt = now;
        task.persistAndFlush();
        TaskV1 after = task.snapshot(plan);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("revision", revision);
        trail.append(task, now, TaskTrail.REPORT_REVISION_ACTOR, TaskTrail.SYSTEM_CAPACITY, "CANCEL",
                TaskState.DRAFT.name(), before, after, detail);
        outbox.append(Topics.TASK_EVENTS, TaskCancelledV1.TYPE, task.id.toString(),
                new TaskCancelledV1(after, TaskTrail.REPORT_REVISION_ACTOR, TaskState.DRAFT.name(), reason));
    }

    /** Records the change for the office; a change still pending from an older revision is superseded by it. */
    private void pending(Task task, PendingRevision.Kind kind, Map<String, Object> after, int revision,
                         OffsetDateTime now) {
        supersede(task.id, now);
        PendingRevision p = new PendingRevision();
        p.id = UUID.randomUUID();
        p.taskId = task.id;
        p.reportId = task.reportId;
        p.revision = revision;
        p.kind = kind;
        p.before(definition(task));
        p.after(after);
        p.status = PendingRevision.Status.PENDING;
        p.createdAt = now;
        p.persistAndFlush();
    }

    private static void supersede(UUID taskId, OffsetDateTime now) {
        PendingRevision.pending(taskId).ifPresent(p -> {
            p.status = PendingRevision.Status.SUPERSEDED;
            p.decidedAt = now;
            p.persistAndFlush();
        });
    }

    private static void suggestOwners(Task task, OwnerSuggestion s) {
        s.leadIfAny().ifPresent(lead -> {
            task.suggestedLeadDepartment = lead.departmentId();
            task.suggestedLeadRule = lead.rule().name();
            task.suggestedLeadWords = lead.words();
        });
        for (OwnerSuggestion.Owner co : s.coDepartments()) {
            task.suggestedCoDepartments.add(co.departmentId());
            task.suggestedCoRules.add(co.rule().name());
            task.suggestedCoWords.add(co.words());
        }
    }

    private static void suggestDeadline(Task task, DeadlineSuggestion s) {
        task.suggestedDeadline = s.deadline();
        task.suggestedDeadlineRule = s.rule().name();
        task.suggestedDeadlineWords = s.words();
    }

    private static Task draft(WorkPlan plan, ReportPublishedV1.PlanItem item, String theme, OffsetDateTime now) {
        if (item.id() == null || item.text() == null) {
            throw new MalformedEventException("plan item without id or text in report " + plan.reportId);
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.district = plan.district;
        task.workPlanId = plan.id;
        task.reportId = plan.reportId;
        task.planItemId = item.id();
        task.theme = theme;
        task.title = item.title() == null || item.title().isBlank() ? item.text() : item.title();
        task.text = item.text();
        if (item.span() != null) {
            task.spanStart = item.span().start();
            task.spanEnd = item.span().end();
        }
        task.state = TaskState.DRAFT;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    /** The title of the outermost theme above the item, or null for an item without a theme. */
    private static String theme(ReportPublishedV1.PlanItem item, Map<String, ReportPublishedV1.PlanItem> items) {
        String theme = null;
        int depth = 0;
        for (var parent = items.get(item.parentId()); parent != null; parent = items.get(parent.parentId())) {
            if (++depth > items.size()) {
                throw new MalformedEventException("plan items of report form a cycle at " + item.id());
            }
            theme = parent.title();
        }
        return theme;
    }
}
