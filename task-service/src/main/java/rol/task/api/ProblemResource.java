package rol.task.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.rectification.Rectifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * 整改事项: the problems of published reports, each with the tasks that address it (suggested by text similarity,
 * confirmed or rejected by the office), whether it is covered, and its status (新增 / 推进中 / 已销号). The office,
 * leaders and auditors read; only the office links; department staff are refused (403): a problem belongs to the
 * whole report, not to the tasks of one department.
 */
@Path("/api/problems")
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProblemResource {

    @Inject
    Rectifications rectifications;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    public Rectifications.Page list(@QueryParam("reportId") UUID reportId, @QueryParam("workPlanId") UUID workPlanId,
                                    @QueryParam("district") String district, @QueryParam("covered") Boolean covered) {
        return rectifications.list(reportId, workPlanId, district, covered);
    }

    @GET
    @Path("/{id}")
    public Rectifications.View get(@PathParam("id") UUID id) {
        return rectifications.get(id);
    }

    public record LinkRequest(UUID taskId) {
    }

    /** The office confirms a suggested link, or links a task it chose itself. */
    @POST
    @Path("/{id}/links")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Rectifications.View link(@PathParam("id") UUID id, LinkRequest body) {
        return rectifications.confirm(id, Violations.body(body).taskId(), caller.name(), now());
    }

    /** The office rejects a link: the task does not address the problem (and is not suggested again). */
    @DELETE
    @Path("/{id}/links/{taskId}")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    public Rectifications.View unlink(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        return rectifications.reject(id, taskId, caller.name(), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
