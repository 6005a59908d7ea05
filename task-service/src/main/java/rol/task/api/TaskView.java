package rol.task.api;

import rol.task.plan.Task;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it. */
public record TaskView(UUID id, String district, UUID workPlanId, UUID reportId, String planItemId, String theme,
                       String title, String text, Span span, TaskState state, String leadDepartment,
                       List<String> coDepartments, LocalDate deadline, boolean keySupervision, int percent,
                       OffsetDateTime lastFeedbackAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       long version) {

    /** Where the item stands in the report's stored text, for highlighting it beside the original. */
    public record Span(int start, int end) {
    }

    static TaskView of(Task t) {
        return new TaskView(t.id, t.district, t.workPlanId, t.reportId, t.planItemId, t.theme, t.title, t.text,
                t.spanStart == null ? null : new Span(t.spanStart, t.spanEnd), t.state, t.leadDepartment,
                t.coDepartments, t.deadline, t.keySupervision, t.percent, t.lastFeedbackAt, t.createdAt, t.updatedAt,
                t.version);
    }

    public record Page(List<TaskView> items, long total) {
    }
}
