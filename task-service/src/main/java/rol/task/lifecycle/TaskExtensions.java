package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.task.TaskExtensionDecidedV1;
import rol.platform.event.task.TaskExtensionRequestedV1;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.task.workflow.DeadlineRange;
import rol.task.plan.Task;
import rol.task.workflow.TaskAction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static rol.task.lifecycle.TaskSteps.MAX_REASON;

/**
 * 延期申请: the lead department asks for a later deadline (REQUEST_EXTENSION, one pending at a time), the office
 * approves or rejects it (DECIDE_EXTENSION); an approval moves the deadline and enters the deadline history.
 */
@ApplicationScoped
public class TaskExtensions {

    @Inject
    TaskSteps steps;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Transactional
    public ExtensionRequest request(UUID id, String ifMatch, Requests.ExtensionRequest body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.REQUEST_EXTENSION, ifMatch);
        Violations.body(body);
        Violations v = new Violations();
        Task task = step.task();
        LocalDate today = LocalDate.now(clock);
        if (body.newDeadline() == null) {
            v.add("newDeadline", "field.required");
        } else if (body.newDeadline().isBefore(today)) {
            v.add("newDeadline", "deadline.before-today", body.newDeadline(), today);
        } else if (DeadlineRange.tooFar(body.newDeadline(), today)) {
            v.add("newDeadline", "deadline.too-far", body.newDeadline(), DeadlineRange.latest(today));
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
        steps.finish(step, detail, after -> new TaskExtensionRequestedV1(after, caller.name(), r.id.toString(),
                r.currentDeadline, r.newDeadline, reason), TaskExtensionRequestedV1.TYPE);
        r.persistAndFlush();
        return r;
    }

    @Transactional
    public ExtensionRequest decide(UUID id, UUID requestId, String ifMatch, Requests.ExtensionDecision body) {
        TaskSteps.Step step = steps.begin(id, TaskAction.DECIDE_EXTENSION, ifMatch);
        Task task = step.task();
        ExtensionRequest r = ExtensionRequest.findById(requestId);
        if (r == null || !r.taskId.equals(task.id)) {
            throw ProblemException.notFound("extension-request", requestId);
        }
        if (r.status != ExtensionRequest.Status.PENDING) {
            throw ProblemException.of(409, "extension-decided", Messages.text("extension.status." + r.status));
        }
        Violations.body(body);
        Violations v = new Violations();
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
        steps.finish(step, detail, after -> new TaskExtensionDecidedV1(after, caller.name(), r.id.toString(),
                body.approve(), previous, r.newDeadline, comment), TaskExtensionDecidedV1.TYPE);
        r.persistAndFlush();
        if (body.approve()) {
            steps.deadlineChanged(task, step.now(), "EXTENSION", previous, task.deadline, r.id, r.reason);
        }
        return r;
    }
}
