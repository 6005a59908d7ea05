package rol.task.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import rol.platform.lights.TrafficLight;
import rol.platform.problem.Violations;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The query parameters of a task list, declared once for {@code GET /api/tasks} and {@code GET /api/ledger}. */
public class TaskFilterParams {

    private static final Pattern SORT = Pattern.compile(TaskFilter.SORT_PATTERN);

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

    /** The deadline range's first day (inclusive); with {@code deadlineBefore} (exclusive) a range, e.g. a quarter. */
    @QueryParam("deadlineFrom")
    LocalDate deadlineFrom;

    @QueryParam("overdue")
    Boolean overdue;

    @QueryParam("pending")
    @Parameter(description = "只列有待区委依法治区办决定之事的任务：EXTENSION 有待审批的延期申请，REVISION 有待处理的报告修订")
    TaskFilter.Pending pending;

    /** 红黄绿灯 today, repeatable ({@code light=RED&light=YELLOW}): the light the task view shows. */
    @QueryParam("light")
    List<TrafficLight> lights;

    @QueryParam("q")
    String q;

    @QueryParam("sort")
    @DefaultValue(TaskFilter.DEFAULT_SORT)
    String sort;

    public TaskFilter filter() {
        return filter(new Violations());
    }

    /** The filter, or 400 naming every broken parameter: those already in {@code v} and these. */
    public TaskFilter filter(Violations v) {
        if (!SORT.matcher(sort).matches()) {
            v.add("sort", "sort.pattern");
        }
        v.throwIfAny();
        return new TaskFilter(reportId, workPlanId, district, department, states, planYear, issuer, keySupervision,
                deadlineBefore, overdue, q, sort, deadlineFrom, pending, lights);
    }
}
