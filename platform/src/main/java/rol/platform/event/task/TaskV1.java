package rol.platform.event.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as every task event carries it: all a consumer needs (owners, deadline, state, progress, plan and issuer)
 * so that no service ever has to ask task-service. Consumers keep the newest snapshot per task ({@code version}
 * grows with every change).
 */
public record TaskV1(
        String taskId,
        String district,
        String workPlanId,
        String reportId,
        String planItemId,
        String issuer,
        Integer planYear,
        String theme,
        String title,
        String state,
        String leadDepartment,
        List<String> coDepartments,
        LocalDate deadline,
        boolean keySupervision,
        int percent,
        OffsetDateTime lastFeedbackAt,
        OffsetDateTime dispatchedAt,
        OffsetDateTime closedAt,
        long version,
        List<Milestone> milestones) {

    public TaskV1 {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** The snapshot as it was before milestones were added to v1 (an additive member): no milestones. */
    public TaskV1(String taskId, String district, String workPlanId, String reportId, String planItemId, String issuer,
                  Integer planYear, String theme, String title, String state, String leadDepartment,
                  List<String> coDepartments, LocalDate deadline, boolean keySupervision, int percent,
                  OffsetDateTime lastFeedbackAt, OffsetDateTime dispatchedAt, OffsetDateTime closedAt, long version) {
        this(taskId, district, workPlanId, reportId, planItemId, issuer, planYear, theme, title, state, leadDepartment,
                coDepartments, deadline, keySupervision, percent, lastFeedbackAt, dispatchedAt, closedAt, version,
                List.of());
    }

    /** 序时进度: a staged date within the task; {@code completedAt} null while open. */
    public record Milestone(String id, String title, LocalDate dueDate, OffsetDateTime completedAt) {
    }
}
