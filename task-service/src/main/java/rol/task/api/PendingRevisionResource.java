package rol.task.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Problem;
import rol.platform.security.Roles;
import rol.task.lifecycle.OfficeDecisions;
import rol.task.lifecycle.TaskSteps;
import rol.task.plan.PendingRevision;
import rol.task.plan.Task;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static rol.task.api.TaskResource.etag;

/** What a report's revision would change in a task already dispatched, and the office's decision on it. */
@Path("/api/tasks/{id}/pending-revisions")
@Tag(name = TaskApiDocs.TAG, description = TaskApiDocs.TAG_DESCRIPTION)
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PendingRevisionResource {

    @Inject
    TaskSteps steps;

    @Inject
    OfficeDecisions office;

    /**
     * What report revisions would change in this task, once it was past DRAFT (pending, then accepted, rejected or
     * superseded by a newer revision). Whoever may read the task may read them.
     */
    @GET
    @Operation(summary = "报告修订带来的改动", description = TaskApiDocs.PENDING_REVISIONS)
    public PendingRevisions pendingRevisions(@PathParam("id") UUID id) {
        Task task = steps.visible(id);
        List<PendingRevisionView> items = PendingRevision.ofTask(task.id).stream().map(PendingRevisionView::of).toList();
        return new PendingRevisions(items, items.stream().filter(p -> p.status().equals("PENDING")).count());
    }

    /** The office applies a pending revision (If-Match: the task's version); the answer carries the task's ETag. */
    @POST
    @Path("/{rid}/accept")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "采纳修订", description = TaskApiDocs.ACCEPT_REVISION)
    @APIResponse(responseCode = "409", description = "修订已经处理过，或任务现在不能修改")
    public Response acceptRevision(@PathParam("id") UUID id, @PathParam("rid") UUID rid,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PendingRevision p = office.acceptRevision(id, rid, ifMatch);
        return Response.ok(PendingRevisionView.of(p)).tag(etag(Task.<Task>findById(id))).build();
    }

    /** The office keeps the task as it is. */
    @POST
    @Path("/{rid}/reject")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "驳回修订", description = TaskApiDocs.REJECT_REVISION)
    @APIResponse(responseCode = "409", description = "修订已经处理过")
    public Response rejectRevision(@PathParam("id") UUID id, @PathParam("rid") UUID rid,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PendingRevision p = office.rejectRevision(id, rid, ifMatch);
        return Response.ok(PendingRevisionView.of(p)).tag(etag(Task.<Task>findById(id))).build();
    }

    public record PendingRevisions(List<PendingRevisionView> items, long pending) {
    }

    public record PendingRevisionView(UUID id, UUID taskId, int revision, String kind, Map<String, Object> before,
                                      Map<String, Object> after, String status, OffsetDateTime createdAt,
                                      String decidedBy, OffsetDateTime decidedAt) {
        static PendingRevisionView of(PendingRevision p) {
            return new PendingRevisionView(p.id, p.taskId, p.revision, p.kind.name(), p.before(), p.after(),
                    p.status.name(), p.createdAt, p.decidedBy, p.decidedAt);
        }
    }
}
