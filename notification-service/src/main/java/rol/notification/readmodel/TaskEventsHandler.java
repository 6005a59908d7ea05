package rol.notification.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.notification.calendar.CalendarEventsHandler;
import rol.notification.department.DepartmentEventsHandler;
import rol.notification.followup.PlanFollowUpHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;
import rol.platform.event.task.TaskV1;
import rol.platform.inbox.EventHandler;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Keeps the task read model from {@code task-events}: every task event carries the task's snapshot, and the newest
 * version wins, so events that arrive twice or late change nothing.
 */
@ApplicationScoped
public class TaskEventsHandler implements EventHandler {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<TaskChanged> changes;

    @Inject
    CalendarEventsHandler calendar;

    @Inject
    DepartmentEventsHandler departments;

    @Inject
    PlanFollowUpHandler followUps;

    @Override
    public void handle(CloudEvent event) {
        // the service has one inbox consumer: the calendar's, the directory's and the plan follow-up's events come
        // through it too
        if (calendar.handles(event)) {
            calendar.handle(event);
            return;
        }
        if (event.type().startsWith("department.")) {
            departments.handle(event);
            return;
        }
        if (followUps.handles(event)) {
            followUps.handle(event);
            return;
        }
        if (!event.type().startsWith("task.")) {
            return;
        }
        JsonNode body = event.data() == null ? null : event.data().get("task");
        if (body == null) {
            throw new MalformedEventException(event.type() + " without the task snapshot");
        }
        TaskV1 task = EventJson.convert(body, TaskV1.class);
        if (task.taskId() == null || task.workPlanId() == null || task.reportId() == null || task.title() == null
                || task.state() == null) {
            throw new MalformedEventException(event.type() + " with an incomplete task snapshot");
        }
        TaskV1 previous = previous(task.taskId());
        if (upsert(task) == 1) {
            changes.fire(new TaskChanged(previous, task, event.type(),
                    event.time() == null ? clock.instant() : event.time().toInstant(), event.data()));
        }
    }

    private TaskV1 previous(String taskId) {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object>) em.createNativeQuery(
                        "select cast(snapshot as text) from task_view where task_id = ?1 for update")
                .setParameter(1, uuid(taskId)).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        return EventJson.read((String) rows.get(0), TaskV1.class);
    }

    /** @return 1 when the snapshot was newer and is now stored, 0 when it was a duplicate or stale */
    private int upsert(TaskV1 t) {
        return em.createNativeQuery("""
                insert into task_view (task_id, district, work_plan_id, report_id, issuer, plan_year, theme, title,
                    state, lead_department, co_departments, deadline, key_supervision, percent, last_feedback_at,
                    task_version, updated_at, dispatched_at, closed_at, snapshot)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                    cast(?20 as jsonb))
                on conflict (task_id) do update set
                    district = excluded.district, work_plan_id = excluded.work_plan_id, report_id = excluded.report_id,
                    issuer = excluded.issuer, plan_year = excluded.plan_year, theme = excluded.theme,
                    title = excluded.title, state = excluded.state, lead_department = excluded.lead_department,
                    co_departments = excluded.co_departments, deadline = excluded.deadline,
                    key_supervision = excluded.key_supervision, percent = excluded.percent,
                    last_feedback_at = excluded.last_feedback_at, task_version = excluded.task_version,
                    updated_at = excluded.updated_at, dispatched_at = excluded.dispatched_at,
                    closed_at = excluded.closed_at, snapshot = excluded.snapshot
                where task_view.task_version < excluded.task_version
                """)
                .setParameter(1, uuid(t.taskId())).setParameter(2, t.district())
                .setParameter(3, uuid(t.workPlanId())).setParameter(4, uuid(t.reportId()))
                .setParameter(5, t.issuer()).setParameter(6, t.planYear()).setParameter(7, t.theme())
                .setParameter(8, t.title()).setParameter(9, t.state()).setParameter(10, t.leadDepartment())
                .setParameter(11, t.coDepartments().toArray(String[]::new))
                .setParameter(12, t.deadline()).setParameter(13, t.keySupervision()).setParameter(14, t.percent())
                .setParameter(15, t.lastFeedbackAt()).setParameter(16, t.version())
                .setParameter(17, OffsetDateTime.now(clock))
                .setParameter(18, t.dispatchedAt()).setParameter(19, t.closedAt())
                .setParameter(20, EventJson.tree(t).toString())
                .executeUpdate();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("not a task id: " + id);
        }
    }
}
