package rol.notification.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
        State state,
        String leadDepartment,
        List<String> coDepartments,
        LocalDate deadline,
        boolean keySupervision,
        int percent,
        Instant lastFeedbackAt,
        LocalDate dispatchedOn,
        LocalDate closedOn,
        long version) {

    /** The task states of task-service's {@code TaskState}, kept here so that this package needs nothing else. */
    public enum State {
        DRAFT, DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED, CLOSED, CANCELLED;

        /** The state named in an event ({@code "IN_PROGRESS"}); an unknown name is an error. */
        public static State parse(String name) {
            Objects.requireNonNull(name, "state");
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }

        /** CLOSED or CANCELLED: nothing happens to the task any more. */
        public boolean terminal() {
            return this == CLOSED || this == CANCELLED;
        }

        /** Dispatched and not finished: DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, RETURNED. */
        public boolean open() {
            return this != DRAFT && !terminal();
        }

        /**
         * Open and the next move is the department's: DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED (not
         * SUBMITTED, where the office has to verify).
         */
        public boolean withDepartment() {
            return open() && this != SUBMITTED;
        }

        /** The department is working on it: ACKNOWLEDGED, IN_PROGRESS, RETURNED (as task-service's underWay). */
        public boolean underWay() {
            return this == ACKNOWLEDGED || this == IN_PROGRESS || this == RETURNED;
        }
    }

    public TaskSnapshot {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(state, "state");
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " outside 0–100");
        }
    }

    public TaskSnapshot withState(State newState) {
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
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, State.DISPATCHED, lead, co,
                newDeadline, keySupervision, percent, lastFeedbackAt, on, closedOn, version + 1);
    }

    public TaskSnapshot withClosedOn(LocalDate on) {
        return new TaskSnapshot(taskId, district, workPlanId, issuer, planYear, State.CLOSED, leadDepartment,
                coDepartments, deadline, keySupervision, percent, lastFeedbackAt, dispatchedOn, on, version + 1);
    }
}
