package rol.task.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;
import rol.task.plan.WorkPlan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/work-plans")
@Tag(name = "工作计划", description = "每份发布的报告生成一份工作计划，其中的工作思路各成一项督办任务草稿。"
        + "区委依法治区办、区领导、督查可查看；部门看不到（部门只看交给自己的任务）。")
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class WorkPlanResource {

    public record View(UUID id, String district, UUID reportId, String issuer, String title, Integer reportYear,
                       Integer planYear, OffsetDateTime createdAt) {
        static View of(WorkPlan p) {
            return new View(p.id, p.district, p.reportId, p.issuer, p.title, p.reportYear, p.planYear, p.createdAt);
        }
    }

    public record Page(List<View> items, long total) {
    }

    @GET
    @Operation(summary = "工作计划列表", description = "区委依法治区办、区领导、督查查看工作计划（发文机关、标题、报告年度、计划年度），新的在前；"
            + "reportId 只看某份报告生成的。")
    public Page list(@QueryParam("reportId") UUID reportId) {
        List<WorkPlan> plans = reportId == null
                ? WorkPlan.listAll(Sort.descending("createdAt"))
                : WorkPlan.list("reportId", reportId);
        return new Page(plans.stream().map(View::of).toList(), plans.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "工作计划详情", description = "区委依法治区办、区领导、督查查看一份工作计划；其任务用 GET /api/tasks?workPlanId= 查看。")
    public View get(@PathParam("id") UUID id) {
        WorkPlan plan = WorkPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("work-plan", id);
        }
        return View.of(plan);
    }
}
