package rol.notification.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.PlanMatchDecidedV1;
import rol.platform.event.task.TaskV1;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** report-service's follow-up events about a task's plan item, as it writes them to {@code report-events}. */
public final class FollowUpEvents {

    private FollowUpEvents() {
    }

    /** The later report {@code later} judged the task's plan item. */
    public static CloudEvent followedUp(TaskV1 task, String later, String verdict) {
        PlanFollowedUpV1 data = new PlanFollowedUpV1(task.reportId(), later, task.district(), task.issuer(),
                task.planYear(), List.of(new PlanFollowedUpV1.Item(task.planItemId(), verdict, 0.5, List.of())));
        return event(PlanFollowedUpV1.TYPE, task.reportId(), data);
    }

    /** The office decided on the verdict of the task's plan item. */
    public static CloudEvent decided(TaskV1 task, String later, String verdict, String decision) {
        PlanMatchDecidedV1 data = new PlanMatchDecidedV1(task.reportId(), later, task.district(), task.planItemId(),
                verdict, decision, "office1", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return event(PlanMatchDecidedV1.TYPE, task.reportId(), data);
    }

    /** Applies the events as the inbox consumer would: one transaction each. */
    public static void apply(TaskEventsHandler handler, CloudEvent... events) {
        for (CloudEvent e : events) {
            QuarkusTransaction.requiringNew().run(() -> handler.handle(e));
        }
    }

    private static CloudEvent event(String type, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/report-service", type, subject,
                OffsetDateTime.now(ZoneOffset.UTC), null, EventJson.tree(data));
    }
}
