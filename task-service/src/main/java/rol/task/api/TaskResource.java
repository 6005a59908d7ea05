package rol.task.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.task.idempotency.Idempotent;
import rol.platform.problem.Problem;
import rol.task.followup.PlanItemFollowUps;
import rol.platform.problem.Violations;
import rol.platform.security.Roles;
import rol.task.evidence.EvidenceFile;
import rol.task.evidence.EvidenceStore;
import rol.task.lifecycle.ExtensionRequest;
import rol.task.lifecycle.Requests;
import rol.task.lifecycle.DepartmentActions;
import rol.task.lifecycle.DispatchActions;
import rol.task.lifecycle.OfficeDecisions;
import rol.task.lifecycle.TaskExtensions;
import rol.task.lifecycle.TaskHistory;
import rol.task.lifecycle.TaskSteps;
import rol.task.lifecycle.TaskMilestones;
import rol.task.lights.TaskLights;
import rol.task.plan.Milestone;
import rol.task.plan.Task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/tasks")
@Tag(name = TaskApiDocs.TAG, description = TaskApiDocs.TAG_DESCRIPTION)
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TaskResource {

    static final int MAX_PAGE_SIZE = 200;
    /** The list's total is exact up to this many tasks (TaskView.Page): 50 pages of 20, more than anyone pages. */
    static final long MAX_COUNTED = 1_000;

    @Inject
    PlanItemFollowUps planFollowUps;

    @Inject
    TaskQueries queries;

    @Inject
    TaskSteps steps;

    @Inject
    DispatchActions dispatching;

    @Inject
    DepartmentActions departmentSteps;

    @Inject
    OfficeDecisions office;

    @Inject
    TaskExtensions extensions;

    @Inject
    TaskHistory taskHistory;

    @Inject
    TaskMilestones milestones;

    @Inject
    Clock clock;

    @Inject
    EvidenceStore evidenceFiles;

    @Inject
    TaskLights lights;

    @GET
    @Transactional // the page and its count are read in one transaction (TaskQueries plans a search per call)
    @Operation(summary = "任务列表", description = TaskApiDocs.LIST)
    @APIResponse(responseCode = "400", description = "筛选、排序或分页参数格式不对（errors 指出参数）")
    public TaskView.Page list(@BeanParam TaskFilterParams params,
                              @QueryParam("page") @DefaultValue("0") int page,
                              @QueryParam("size") @DefaultValue("20") int size) {
        Violations v = new Violations();
        if (page < 0) {
            v.add("page", "page.min");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            v.add("size", "size.range", MAX_PAGE_SIZE);
        }
        TaskFilter filter = params.filter(v);
        List<Task> tasks = queries.page(filter, page, size);
        // the page's milestones and evidence in one query each rather than one per task
        List<UUID> ids = tasks.stream().map(t -> t.id).toList();
        Map<UUID, List<Milestone>> milestones = Milestone.ofTasks(ids).stream()
                .collect(Collectors.groupingBy(m -> m.taskId));
        Map<UUID, List<EvidenceFile>> evidence = evidenceFiles.ofTasks(ids);
        LocalDate today = LocalDate.now(clock);
        LocalDate lightsToday = lights.today();
        Set<UUID> extensionPending = ExtensionRequest.pendingOf(ids);
        Map<UUID, PlanItemFollowUps.FollowUp> followUps = planFollowUps.of(tasks);
        List<TaskView> items = tasks.stream().map(t -> {
            List<Milestone> own = milestones.getOrDefault(t.id, List.of());
            return TaskView.of(t, own, evidence.getOrDefault(t.id, List.of()), today, lights.verdict(t, lightsToday),
                    lights.calendarNote(t, lightsToday), lights.workingDaysLeft(t, lightsToday),
                    steps.allowedActions(t, own, extensionPending.contains(t.id)),
                    followUps.get(t.id));
        }).toList();
        return TaskView.Page.counted(items, queries.countUpTo(filter, MAX_COUNTED + 1), MAX_COUNTED);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "任务详情", description = TaskApiDocs.GET)
    @APIResponseSchema(value = TaskView.class, responseDescription = "任务，ETag 为当前版本")
    public Response get(@PathParam("id") UUID id) {
        return task(visible(id));
    }

    /**
     * A task the caller may see. Another department's task is answered exactly like a task that does not exist
     * (404), so that ids cannot be probed.
     */
    Task visible(UUID id) {
        return steps.visible(id);
    }

    // ── the lifecycle (docs/lifecycle.md): each answers the task as it is now, with its new ETag ──

    /**
     * The office changes the definition: any of title, text, leadDepartment, coDepartments, deadline, with a reason
     * (required when the deadline moves). A new lead for an acknowledged task is {@code /reassign} (409 here).
     */
    @PATCH
    @Idempotent
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "修改任务定义", description = TaskApiDocs.UPDATE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "推迟期限并增加配合单位", value = TaskApiDocs.UPDATE_BODY)))
    @APIResponse(responseCode = "409", description = "任务现在不能修改（如正在审核办结申请），或签收后要换牵头单位（请用改派）")
    public Response updateDefinition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     Requests.Definition body) {
        return task(dispatching.updateDefinition(id, ifMatch, body));
    }

    /** 改派: office only; a new lead department, who acknowledges afresh (the task is DISPATCHED again). */
    @POST
    @Idempotent
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "改派", description = TaskApiDocs.REASSIGN)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "改由市场监管局牵头", value = TaskApiDocs.REASSIGN_BODY)))
    @APIResponse(responseCode = "409")
    public Response reassign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             Requests.Reassign body) {
        return task(dispatching.reassign(id, ifMatch, body));
    }

    /** 交办: office only; lead department, co-departments and deadline from the directory. */
    @POST
    @Idempotent
    @Path("/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "交办", description = TaskApiDocs.DISPATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "司法局牵头，两家配合", value = TaskApiDocs.DISPATCH_BODY)))
    @APIResponse(responseCode = "409")
    public Response dispatch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             Requests.Dispatch body) {
        return task(dispatching.dispatch(id, ifMatch, body));
    }

    /** 签收. */
    @POST
    @Idempotent
    @Path("/{id}/acknowledge")
    @Operation(summary = "签收", description = TaskApiDocs.ACKNOWLEDGE)
    @APIResponse(responseCode = "409")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return task(departmentSteps.acknowledge(id, ifMatch));
    }

    /** 进度反馈 with evidence and figures. */
    @POST
    @Idempotent
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "进度反馈", description = TaskApiDocs.PROGRESS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "案卷评查过半", value = TaskApiDocs.PROGRESS_BODY)))
    @APIResponse(responseCode = "409")
    public Response progress(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             Requests.Progress body) {
        return task(departmentSteps.reportProgress(id, ifMatch, body));
    }

    /** 申请办结. */
    @POST
    @Idempotent
    @Path("/{id}/submit")
    @Operation(summary = "申请办结", description = TaskApiDocs.SUBMIT)
    @APIResponse(responseCode = "409")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return task(departmentSteps.submit(id, ifMatch));
    }

    /** 销号. */
    @POST
    @Idempotent
    @Path("/{id}/close")
    @Operation(summary = "销号", description = TaskApiDocs.CLOSE)
    @APIResponse(responseCode = "409")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return task(office.close(id, ifMatch));
    }

    /** 退办 with a reason. */
    @POST
    @Idempotent
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退办", description = TaskApiDocs.RETURN)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "材料不全", value = TaskApiDocs.RETURN_BODY)))
    @APIResponse(responseCode = "409")
    public Response returnTask(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               Requests.WithReason body) {
        return task(office.returnToDepartment(id, ifMatch, body));
    }

    /** 撤销 with a reason. */
    @POST
    @Idempotent
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "撤销", description = TaskApiDocs.CANCEL)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "并入专项任务", value = TaskApiDocs.CANCEL_BODY)))
    @APIResponse(responseCode = "409")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           Requests.WithReason body) {
        return task(office.cancel(id, ifMatch, body));
    }

    /** 挂牌督办 on or off. */
    @PUT
    @Idempotent
    @Path("/{id}/key-supervision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "挂牌督办", description = TaskApiDocs.KEY_SUPERVISION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "挂牌", value = "{\"flagged\": true}")))
    @APIResponse(responseCode = "409")
    public Response keySupervision(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   Requests.KeySupervision body) {
        return task(office.keySupervision(id, ifMatch, body));
    }

    /** 延期申请: 201 with the request; the task's new ETag in the header. */
    @POST
    @Idempotent
    @Path("/{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "申请延期", description = TaskApiDocs.REQUEST_EXTENSION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "延期三个月", value = TaskApiDocs.EXTENSION_BODY)))
    @APIResponse(responseCode = "409", description = "任务现在不能申请延期，或已有一个待审批的申请")
    public Response requestExtension(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     Requests.ExtensionRequest body, @Context UriInfo uri) {
        ExtensionRequest r = extensions.request(id, ifMatch, body);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(ExtensionView.of(r)).tag(etag(Task.<Task>findById(id))).build();
    }

    /** The office approves or rejects an extension request. */
    @POST
    @Idempotent
    @Path("/{id}/extension-requests/{rid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审批延期申请", description = TaskApiDocs.DECIDE_EXTENSION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "驳回", value = TaskApiDocs.DECISION_BODY)))
    @APIResponse(responseCode = "409", description = "申请已经审批过，或任务现在不能审批")
    public Response decideExtension(@PathParam("id") UUID id, @PathParam("rid") UUID rid,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    Requests.ExtensionDecision body) {
        ExtensionRequest r = extensions.decide(id, rid, ifMatch, body);
        return Response.ok(ExtensionView.of(r)).tag(etag(Task.<Task>findById(id))).build();
    }

    /** The task's extension requests and every deadline it has had. */
    @GET
    @Path("/{id}/extension-requests")
    @Operation(summary = "延期申请和期限变更", description = TaskApiDocs.EXTENSIONS)
    public Extensions extensions(@PathParam("id") UUID id) {
        Task task = visible(id);
        return new Extensions(ExtensionRequest.ofTask(task.id).stream().map(ExtensionView::of).toList(),
                taskHistory.deadlines(task.id));
    }

    /** 全程留痕: office, auditors and the task's own departments; leaders read dashboards, not trails. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.AUDITOR})
    @Operation(summary = "全程留痕", description = TaskApiDocs.HISTORY)
    public History history(@PathParam("id") UUID id) {
        List<TaskHistory.Entry> items = taskHistory.of(id);
        return new History(items, items.size());
    }

    public record History(List<TaskHistory.Entry> items, int total) {
    }

    public record Extensions(List<ExtensionView> items, List<TaskHistory.DeadlineChange> deadlineHistory) {
    }

    public record ExtensionView(UUID id, UUID taskId, OffsetDateTime requestedAt, String requestedBy,
                                LocalDate currentDeadline, LocalDate newDeadline, String reason, String status,
                                OffsetDateTime decidedAt, String decidedBy, String comment) {
        static ExtensionView of(ExtensionRequest r) {
            return new ExtensionView(r.id, r.taskId, r.requestedAt, r.requestedBy, r.currentDeadline, r.newDeadline,
                    r.reason, r.status.name(), r.decidedAt, r.decidedBy, r.comment);
        }
    }

    private Response task(Task task) {
        List<Milestone> own = task.milestones();
        LocalDate lightsToday = lights.today();
        return Response.ok(TaskView.of(task, own,
                        evidenceFiles.ofTasks(List.of(task.id)).getOrDefault(task.id, List.of()), LocalDate.now(clock),
                        lights.verdict(task, lightsToday), lights.calendarNote(task, lightsToday),
                        lights.workingDaysLeft(task, lightsToday),
                        steps.allowedActions(task, own, ExtensionRequest.pending(task.id).isPresent()),
                        planFollowUps.of(List.of(task)).get(task.id)))
                .tag(etag(task)).build();
    }

    static EntityTag etag(Task task) {
        return new EntityTag(String.valueOf(task.version));
    }
}
