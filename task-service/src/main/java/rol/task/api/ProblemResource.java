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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
 * confirmed or rejected by the office), whether it is covered, its status (新增 / 推进中 / 已销号 / 再次出现) and its
 * recurrence across the issuer's reports (report.problems-recurred.v1). The office,
 * leaders and auditors read; only the office links; department staff are refused (403): a problem belongs to the
 * whole report, not to the tasks of one department.
 */
@Path("/api/problems")
@Tag(name = "整改事项", description = "已发布报告中的存在问题，每项带着针对它的任务（系统按文字相似度建议，区委依法治区办确认或否定）、"
        + "是否已有任务覆盖、状态（新增、推进中、已销号、再次出现），以及同一发文机关往年报告中是否反复出现（recurrence）。区委依法治区办、区领导、督查可查看，只有区委依法治区办可关联；"
        + "部门无权访问（问题属于整份报告，不属于某个部门）。")
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
    @Operation(summary = "整改事项列表", description = "区委依法治区办、区领导、督查按报告、工作计划、区、是否已有任务覆盖（covered）、"
            + "是否反复出现（recurring：在往年报告中出现过，或在以后的报告中再次出现）查看整改事项。"
            + "taskId 只列出这项任务所针对的问题（已确认或系统建议的关联，不含已否定的），即任务详情中的“整改的问题”。"
            + "open 为未销号的项数（再次出现的算未销号）。")
    public Rectifications.Page list(@QueryParam("reportId") UUID reportId, @QueryParam("workPlanId") UUID workPlanId,
                                    @QueryParam("district") String district, @QueryParam("covered") Boolean covered,
                                    @QueryParam("recurring") Boolean recurring, @QueryParam("taskId") UUID taskId) {
        return rectifications.list(reportId, workPlanId, district, covered, recurring, taskId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "整改事项详情", description = "区委依法治区办、区领导、督查查看一项整改事项及其关联的任务（已确认的和系统建议的）。")
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
    @Operation(summary = "关联任务", description = "区委依法治区办（office）确认系统建议的任务确实针对这项问题，或自行指定一项任务。答复整改事项。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "确认一项任务",
            value = "{\"taskId\": \"5b8e2f4a-9c1d-4e7b-8a3f-2d6c0e1b7f95\"}")))
    @APIResponse(responseCode = "400", description = "没有 taskId，或任务不存在、已撤销")
    public Rectifications.View link(@PathParam("id") UUID id, LinkRequest body) {
        return rectifications.confirm(id, Violations.body(body).taskId(), caller.name(), now());
    }

    /** The office rejects a link: the task does not address the problem (and is not suggested again). */
    @DELETE
    @Path("/{id}/links/{taskId}")
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "否定关联", description = "区委依法治区办（office）认定这项任务并不针对这项问题：取消关联，以后也不再建议。答复整改事项。")
    @APIResponse(responseCode = "404", description = "没有这项整改事项，或这项任务与它没有关联")
    public Rectifications.View unlink(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        return rectifications.reject(id, taskId, caller.name(), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
