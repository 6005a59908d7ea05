package rol.task.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;
import rol.task.plan.WorkPlan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/work-plans")
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
    public Page list(@QueryParam("reportId") UUID reportId) {
        List<WorkPlan> plans = reportId == null
                ? WorkPlan.listAll(Sort.descending("createdAt"))
                : WorkPlan.list("reportId", reportId);
        return new Page(plans.stream().map(View::of).toList(), plans.size());
    }

    @GET
    @Path("/{id}")
    public View get(@PathParam("id") UUID id) {
        WorkPlan plan = WorkPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("work-plan", id);
        }
        return View.of(plan);
    }
}
