package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.task.TaskCancelledV1;
import rol.platform.event.task.TaskClosedV1;
import rol.platform.event.task.TaskReturnedV1;
import rol.platform.event.task.TaskUpdatedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.problem.IfMatch;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.plan.PendingRevision;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.workflow.Performer;
import rol.task.workflow.TaskAction;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static rol.task.lifecycle.TaskSteps.MAX_REASON;

/**
 * The office's decisions on a task under way: 销号 (CLOSE), 退办 (RETURN), 撤销 (CANCEL), 挂牌督办 on and off, and what
 * to do with a report revision that waits for it (PendingRevision).
 */
@ApplicationScoped
public class OfficeDecisions {

    @Inject
    TaskSteps steps;

    @Inject
    Caller caller;

    @Transactional
    public Task close(UUID id, String ifMatch) {
        TaskSteps.Step step = steps.begin(id, TaskAction.CLOSE, ifMatch);
        step.task().closedAt = step.now();
        steps.finish(step, Map.of(), after -> new TaskClosedV1(after, caller.name()), TaskClosedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task returnToDepartment(UUID id, String ifMatch, Requests.WithReason body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.RETURN, ifMatch);
        String reason = reason(body);
        steps.finish(step, Map.of("reason", reason), after -> new TaskReturnedV1(after, caller.name(), reason),
                TaskReturnedV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task cancel(UUID id, String ifMatch, Requests.WithReason body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.CANCEL, ifMatch);
        String reason = reason(body);
        String previous = step.task().state.name();
        steps.finish(step, Map.of("reason", reason),
                after -> new TaskCancelledV1(after, caller.name(), previous, reason), TaskCancelledV1.TYPE);
        return step.task();
    }

    @Transactional
    public Task keySupervision(UUID id, String ifMatch, Requests.KeySupervision body) {
        if (body == null || body.flagged() == null) {
            // the role is still checked first: someone who may not flag learns nothing from a 400
            steps.begin(id, TaskAction.FLAG_KEY_SUPERVISION, ifMatch);
            new Violations().add("flagged", "key-supervision.flagged.required").throwIfAny();
        }
        TaskAction action = body.flagged() ? TaskAction.FLAG_KEY_SUPERVISION : TaskAction.UNFLAG_KEY_SUPERVISION;
        TaskSteps.Step step = steps.begin(id, action, ifMatch);
        if (step.task().keySupervision == body.flagged()) {
            return step.task();
        }
        step.task().keySupervision = body.flagged();
        steps.finish(step, Map.of("keySupervision", body.flagged()),
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
        TaskSteps.Step step = steps.begin(id, action, ifMatch);
        undecided(p);
        Task task = step.task();
        Map<String, Object> detail = revisionDetail(p);
        if (p.kind == PendingRevision.Kind.REMOVAL) {
            String reason = Messages.text("revision.removed.reason");
            String previous = task.state.name();
            detail.put("reason", reason);
            steps.finish(step, detail, after -> new TaskCancelledV1(after, caller.name(), previous, reason),
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
            if (!Objects.equals(task.title, title)) {
                changed.add("title");
            }
            if (!Objects.equals(task.theme, theme)) {
                changed.add("theme");
            }
            if (!Objects.equals(task.text, text)) {
                changed.add("text");
            }
            if (!Objects.equals(task.spanStart, start) || !Objects.equals(task.spanEnd, end)) {
                changed.add("span");
            }
            task.title = title;
            task.text = text;
            task.theme = theme;
            task.spanStart = start;
            task.spanEnd = end;
            detail.put("changed", changed);
            steps.finish(step, detail, after -> new TaskUpdatedV1(after, caller.name(), changed), TaskUpdatedV1.TYPE);
        }
        decided(p, PendingRevision.Status.ACCEPTED, step.now());
        return p;
    }

    /** The office keeps the task as it is: the pending revision is rejected, noted in the history, the task unchanged. */
    @Transactional
    public PendingRevision rejectRevision(UUID id, UUID revisionId, String ifMatch) {
        PendingRevision p = pendingRevision(id, revisionId);
        Task task = steps.visible(id);
        if (!caller.is(Roles.OFFICE)) {
            throw ProblemException.of(403, "task.office-only");
        }
        IfMatch.parse(ifMatch).require(task.version, TaskSteps.STALE);
        undecided(p);
        OffsetDateTime now = steps.now();
        decided(p, PendingRevision.Status.REJECTED, now);
        TaskV1 snapshot = task.snapshot(WorkPlan.findById(task.workPlanId));
        steps.history(task, now, Performer.OFFICE, "REJECT_REVISION", task.state, snapshot, snapshot,
                revisionDetail(p));
        return p;
    }

    private static String reason(Requests.WithReason body) {
        Violations v = new Violations();
        String reason = v.required("reason", body == null ? null : body.reason(), MAX_REASON);
        v.throwIfAny();
        return reason;
    }

    private PendingRevision pendingRevision(UUID taskId, UUID revisionId) {
        steps.visible(taskId);
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

    private void decided(PendingRevision p, PendingRevision.Status status, OffsetDateTime at) {
        p.status = status;
        p.decidedBy = caller.name();
        p.decidedAt = at;
        p.persistAndFlush();
    }

    private static Map<String, Object> revisionDetail(PendingRevision p) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pendingRevisionId", p.id.toString());
        detail.put("revision", p.revision);
        detail.put("kind", p.kind.name());
        return detail;
    }
}
