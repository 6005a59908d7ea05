package rol.task.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The query parameters of a task list, declared once for {@code GET /api/tasks} and {@code GET /api/ledger}. */
public class TaskFilterParams {

    @QueryParam("reportId")
    UUID reportId;

    @QueryParam("workPlanId")
    UUID workPlanId;

    @QueryParam("district")
    String district;

    @QueryParam("department")
    String department;

    @QueryParam("state")
    List<TaskState> states;

    @QueryParam("planYear")
    Integer planYear;

    @QueryParam("issuer")
    String issuer;

    @QueryParam("keySupervision")
    Boolean keySupervision;

    @QueryParam("deadlineBefore")
    LocalDate deadlineBefore;

    @QueryParam("overdue")
    Boolean overdue;

    @QueryParam("q")
    String q;

    @QueryParam("sort")
    @DefaultValue(TaskFilter.DEFAULT_SORT)
    @Pattern(regexp = TaskFilter.SORT_PATTERN, message = "{sort.pattern}")
    String sort;

    public TaskFilter filter() {
        return new TaskFilter(reportId, workPlanId, district, department, states, planYear, issuer, keySupervision,
                deadlineBefore, overdue, q, sort);
    }
}
