package rol.task.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.task.idempotency.Idempotent;
import rol.platform.problem.Problem;
import rol.platform.security.Roles;
import rol.task.lifecycle.Requests;
import rol.task.lifecycle.TaskMilestones;
import rol.task.plan.Milestone;
import rol.task.plan.Task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static rol.task.api.TaskResource.etag;

/**
 * 序时进度 of a task: read by whoever reads the task; planned and completed by the office and the lead department
 * (TaskMilestones decides who). Every change answers with the task's new ETag.
 */
@Path("/api/tasks/{id}/milestones")
@Tag(name = TaskApiDocs.TAG, description = TaskApiDocs.TAG_DESCRIPTION)
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TaskMilestoneResource {

    @Inject
    TaskMilestones milestones;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "序时进度节点", description = TaskApiDocs.MILESTONES)
    public List<TaskView.MilestoneView> milestones(@PathParam("id") UUID id) {
        LocalDate today = LocalDate.now(clock);
        return milestones.of(id).stream().map(m -> TaskView.MilestoneView.of(m, today)).toList();
    }

    /** 201 with the milestone; the task's new ETag in the header. */
    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "安排序时进度节点", description = TaskApiDocs.ADD_MILESTONE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "评查节点", value = TaskApiDocs.MILESTONE_BODY)))
    @APIResponse(responseCode = "409")
    public Response addMilestone(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 Requests.Milestone body, @Context UriInfo uri) {
        Milestone m = milestones.add(id, ifMatch, body);
        return Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build())
                .entity(TaskView.MilestoneView.of(m, LocalDate.now(clock))).tag(etag(Task.<Task>findById(id))).build();
    }

    @PUT
    @Idempotent
    @Path("/{mid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改序时进度节点", description = TaskApiDocs.CHANGE_MILESTONE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "推后半个月", value = TaskApiDocs.CHANGE_MILESTONE_BODY)))
    @APIResponse(responseCode = "409", description = "节点已完成，或任务现在不能安排节点")
    public Response changeMilestone(@PathParam("id") UUID id, @PathParam("mid") UUID mid,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Requests.Milestone body) {
        return milestone(id, milestones.change(id, mid, ifMatch, body));
    }

    /** 204; the task's new ETag in the header. */
    @DELETE
    @Idempotent
    @Path("/{mid}")
    @Operation(summary = "删去序时进度节点", description = TaskApiDocs.REMOVE_MILESTONE)
    @APIResponse(responseCode = "409", description = "节点已完成，或任务现在不能安排节点")
    public Response removeMilestone(@PathParam("id") UUID id, @PathParam("mid") UUID mid,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        milestones.remove(id, mid, ifMatch);
        return Response.noContent().tag(etag(Task.<Task>findById(id))).build();
    }

    @POST
    @Idempotent
    @Path("/{mid}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "完成序时进度节点", description = TaskApiDocs.COMPLETE_MILESTONE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "评查完成", value = TaskApiDocs.COMPLETE_MILESTONE_BODY)))
    @APIResponse(responseCode = "409", description = "节点已完成，或牵头单位尚未签收")
    public Response completeMilestone(@PathParam("id") UUID id, @PathParam("mid") UUID mid,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      Requests.MilestoneDone body) {
        return milestone(id, milestones.complete(id, mid, ifMatch, body));
    }

    private Response milestone(UUID taskId, Milestone m) {
        return Response.ok(TaskView.MilestoneView.of(m, LocalDate.now(clock))).tag(etag(Task.<Task>findById(taskId)))
                .build();
    }
}
