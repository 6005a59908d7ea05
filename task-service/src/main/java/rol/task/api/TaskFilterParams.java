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

    /** Only the tasks {@code department} leads (牵头), as the rollups count a department: not those it supports. */
    @QueryParam("leadOnly")
    @Parameter(description = "为 true 时只列 department 牵头的任务（不含其配合的），与通报排名、完成情况按牵头单位计数一致；须同时给出 department")
    Boolean leadOnly;

    /** The closing day range's first day (inclusive), the day of 销号 in the district's zone. */
    @QueryParam("closedFrom")
    @Parameter(description = "销号日期不早于此日（含），按本区时区计日；只列已销号的任务")
    LocalDate closedFrom;

    /** The closing day range's end (exclusive); with {@code closedFrom} a range, e.g. a month of the curve. */
    @QueryParam("closedBefore")
    @Parameter(description = "销号日期早于此日（不含），按本区时区计日；只列已销号的任务，须晚于 closedFrom")
    LocalDate closedBefore;

    /** Closed on or before the deadline (按期销号), or with {@code false} after it, as the completion curve counts. */
    @QueryParam("closedOnTime")
    @Parameter(description = "为 true 时只列按期销号的任务（销号之日不晚于完成时限），为 false 时只列逾期销号的任务")
    Boolean closedOnTime;

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
        if (Boolean.TRUE.equals(leadOnly) && (department == null || department.isBlank())) {
            v.add("leadOnly", "leadOnly.department-required");
        }
        if (closedFrom != null && closedBefore != null && !closedBefore.isAfter(closedFrom)) {
            v.add("closedBefore", "closedBefore.after-from", closedBefore, closedFrom);
        }
        v.throwIfAny();
        return new TaskFilter(reportId, workPlanId, district, department, states, planYear, issuer, keySupervision,
                deadlineBefore, overdue, q, sort, deadlineFrom, pending, lights, leadOnly, closedFrom, closedBefore,
                closedOnTime);
    }
}
