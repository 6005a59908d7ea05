package rol.notification.readmodel;

import rol.notification.policy.TaskSnapshot;
import rol.platform.event.task.TaskV1;
import rol.platform.lights.TaskState;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** TaskV1 as the rules see it (docs/notifications.md, "Mapping task events onto TaskSnapshot"). */
public final class TaskSnapshots {

    private TaskSnapshots() {
    }

    public static TaskSnapshot of(TaskV1 t, ZoneId zone) {
        return new TaskSnapshot(t.taskId(), t.district(), t.workPlanId(), t.issuer(), t.planYear(),
                TaskState.parse(t.state()), t.leadDepartment(), t.coDepartments(), t.deadline(),
                t.keySupervision(), t.percent(),
                t.lastFeedbackAt() == null ? null : t.lastFeedbackAt().toInstant(),
                day(t.dispatchedAt(), zone), day(t.closedAt(), zone), t.version());
    }

    private static java.time.LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalDate();
    }
}
