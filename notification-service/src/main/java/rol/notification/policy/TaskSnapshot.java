package rol.notification.policy;

import rol.platform.lights.LightInput;
import rol.platform.lights.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the reminder and rollup rules need to know about one task: the service maps each task event's {@code TaskV1}
 * onto it (see docs/notifications.md, "Mapping"). Plain data, no framework.
 *
 * @param taskId         the task
 * @param district       district id
 * @param workPlanId     the work plan the task belongs to
 * @param issuer         the report's issuing organ, or null
 * @param planYear       the plan year, or null
 * @param state          where the task stands
 * @param leadDepartment 牵头单位, null until dispatched
 * @param coDepartments  配合单位
 * @param deadline       办结时限 (after approved extensions), or null
 * @param keySupervision 挂牌督办
 * @param percent        latest reported progress, 0–100
 * @param lastFeedbackAt time of the latest progress report, or null
 * @param dispatchedOn   the day the task was dispatched (交办), or null when unknown: the start of the
 *                       "time elapsed" share and of "no feedback since" for a task that never reported
 * @param closedOn       the day the task was closed (销号), or null: decides "closed on time"
 * @param version        grows with every change of the task
 */
public record TaskSnapshot(
        String taskId,
        String district,
        String workPlanId,
        String issuer,
        Integer planYear,
        TaskState state,
        String leadDepartment,
        List<String> coDepartments,
        LocalDate deadline,
        boolean keySupervision,
        int percent,
        Instant lastFeedbackAt,
        LocalDate dispatchedOn,
        LocalDate closedOn,
        long version) {

    public TaskSnapshot {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(state, "state");
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " outside 0–100");
        }
    }

    /** What the traffic-light rule ({@code rol.platform.lights.TrafficLightRules}) reads of this task. */
    public LightInput lightInput() {
        return new LightInput(state, deadline, percent, lastFeedbackAt, dispatchedOn, closedOn);
    }

    public TaskSnapshot withState(TaskState newState) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, newState, leadDepartment,
                coDepartments, deadline, keySupervision, percent, lastFeedbackAt, dispatchedOn, closedOn, version + 1);
    }

    public TaskSnapshot withDeadline(LocalDate newDeadline) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, state, leadDepartment,
                coDepartments, newDeadline, keySupervision, percent, lastFeedbackAt, dispatchedOn, closedOn,
                version + 1);
    }

    public TaskSnapshot withFeedback(int newPercent, Instant at) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, state, leadDepartment,
                coDepartments, deadline, keySupervision, newPercent, at, dispatchedOn, closedOn, version + 1);
    }

    public TaskSnapshot withDispatch(String lead, List<String> co, LocalDate newDeadline, LocalDate on) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, TaskState.DISPATCHED, lead, co,
                newDeadline, keySupervision, percent, lastFeedbackAt, on, closedOn, version + 1);
    }

    public TaskSnapshot withClosedOn(LocalDate on) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, TaskState.CLOSED, leadDepartment,
                coDepartments, deadline, keySupervision, percent, lastFeedbackAt, dispatchedOn, on, version + 1);
    }
}
