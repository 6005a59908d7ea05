package rol.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.task.TaskExtensionDecidedV1;
import rol.platform.event.task.TaskV1;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands task events to the read model's handler in a transaction of their own, as the inbox consumer does after
 * reading them from Kafka (TaskReadModelTest covers that leg), and reads what the schedule and notices hold.
 */
@ApplicationScoped
public class TaskEvents {

    public static final String DISTRICT = "licheng";
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Inject
    TaskEventsHandler handler;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** A dispatched task: lead judicial-bureau, co market-regulation, dispatched now. */
    public TaskV1 dispatched(String title, LocalDate deadline) {
        return new TaskV1(UUID.randomUUID().toString(), DISTRICT, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "plan-1", "某区司法局", 2026, "主题", title, "DISPATCHED",
                "judicial-bureau", List.of("market-regulation"), deadline, false, 0, null,
                OffsetDateTime.now(clock).withOffsetSameInstant(CHINA), null, 2);
    }

    public TaskV1 inDistrict(TaskV1 t, String district) {
        return new TaskV1(t.taskId(), district, t.workPlanId(), t.reportId(), t.planItemId(), t.issuer(), t.planYear(),
                t.theme(), t.title(), t.state(), t.leadDepartment(), t.coDepartments(), t.deadline(),
                t.keySupervision(), t.percent(), t.lastFeedbackAt(), t.dispatchedAt(), t.closedAt(), t.version());
    }

    public static TaskV1 next(TaskV1 t, String state, LocalDate deadline) {
        return new TaskV1(t.taskId(), t.district(), t.workPlanId(), t.reportId(), t.planItemId(), t.issuer(),
                t.planYear(), t.theme(), t.title(), state, t.leadDepartment(), t.coDepartments(), deadline,
                t.keySupervision(), t.percent(), t.lastFeedbackAt(), t.dispatchedAt(), t.closedAt(), t.version() + 1);
    }

    /** Applies one task event of the given type carrying this snapshot; returns the event. */
    public CloudEvent apply(String type, TaskV1 task) {
        CloudEvent e = new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", type, task.taskId(),
                OffsetDateTime.now(clock), null, EventJson.tree(Map.of("task", task, "actor", "office1")));
        apply(e);
        return e;
    }

    /** Applies {@code task.extension-decided.v1} as task-service writes it: the snapshot after, and the decision. */
    public CloudEvent extensionDecided(TaskV1 task, boolean approved, LocalDate previousDeadline,
                                       LocalDate requestedDeadline) {
        TaskExtensionDecidedV1 decided = new TaskExtensionDecidedV1(task, "office1", UUID.randomUUID().toString(),
                approved, previousDeadline, requestedDeadline, approved ? null : "理由不充分");
        CloudEvent e = new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", TaskExtensionDecidedV1.TYPE,
                task.taskId(), OffsetDateTime.now(clock), null, EventJson.tree(decided));
        apply(e);
        return e;
    }

    public void apply(CloudEvent e) {
        QuarkusTransaction.requiringNew().run(() -> handler.handle(e));
    }

    /** {@code rule occurrence_key status due_on} of the task's schedule rows, ordered by rule and key. */
    public List<String> schedule(String taskId) {
        return rows("select rule || ' ' || occurrence_key || ' ' || status || ' ' || due_on from reminder_schedule"
                + " where task_id = ?::uuid order by rule collate \"C\", occurrence_key collate \"C\"", taskId);
    }

    /** {@code kind recipient_type recipient_id} of the task's notices, ordered. */
    public List<String> notices(String taskId) {
        return rows("select kind || ' ' || recipient_type || ' ' || recipient_id from notice where task_id = ?::uuid"
                + " order by kind collate \"C\", recipient_type collate \"C\", recipient_id collate \"C\"", taskId);
    }

    /** {@code title \n body} of the task's notices of one kind. */
    public List<String> texts(String taskId, String kind) {
        return rows("select title || chr(10) || body from notice where task_id = ?::uuid and kind = '" + kind
                + "' order by id", taskId);
    }

    public List<String> rows(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
