package rol.notification.progress;

import io.quarkus.narayana.jta.QuarkusTransaction;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.task.TaskCreatedV1;
import rol.platform.event.task.TaskV1;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Task snapshots as task-service would send them, fed to the read model's handler or written as CloudEvents. */
final class TaskFeed {

    private TaskFeed() {
    }

    static TaskV1 draft(String district, String workPlanId, String issuer, Integer year) {
        return new TaskV1(UUID.randomUUID().toString(), district, workPlanId, UUID.randomUUID().toString(), "plan-1",
                issuer, year, "主题", "开展行政执法案卷评查", "DRAFT", null, List.of(), null, false, 0, null, null, null, 1);
    }

    static TaskV1 with(TaskV1 t, String state, String lead, LocalDate deadline, int percent, OffsetDateTime feedback,
                       OffsetDateTime dispatched, OffsetDateTime closed) {
        return new TaskV1(t.taskId(), t.district(), t.workPlanId(), t.reportId(), t.planItemId(), t.issuer(),
                t.planYear(), t.theme(), t.title(), state, lead, t.coDepartments(), deadline, t.keySupervision(),
                percent, feedback, dispatched, closed, t.version() + 1);
    }

    static TaskV1 dispatched(TaskV1 t, String lead, LocalDate deadline, OffsetDateTime at) {
        return with(t, "DISPATCHED", lead, deadline, t.percent(), t.lastFeedbackAt(), at, null);
    }

    static TaskV1 state(TaskV1 t, String state) {
        return with(t, state, t.leadDepartment(), t.deadline(), t.percent(), t.lastFeedbackAt(), t.dispatchedAt(),
                t.closedAt());
    }

    static TaskV1 progress(TaskV1 t, int percent, OffsetDateTime at) {
        return with(t, "IN_PROGRESS", t.leadDepartment(), t.deadline(), percent, at, t.dispatchedAt(), t.closedAt());
    }

    static TaskV1 closed(TaskV1 t, OffsetDateTime at) {
        return with(t, "CLOSED", t.leadDepartment(), t.deadline(), t.percent(), t.lastFeedbackAt(), t.dispatchedAt(),
                at);
    }

    static CloudEvent event(TaskV1 t, OffsetDateTime time) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/task-service",
                "task." + (t.version() == 1 ? "created" : "updated") + ".v1", t.taskId(), time, null,
                EventJson.tree(new TaskCreatedV1(t)));
    }

    /** Applies the snapshot as the inbox consumer would: one transaction per event. */
    static void apply(TaskEventsHandler handler, TaskV1 t, java.time.Clock clock) {
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event(t, OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC))));
    }
}
