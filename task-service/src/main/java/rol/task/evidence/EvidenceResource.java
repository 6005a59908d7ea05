package rol.task.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.task.idempotency.Idempotent;
import rol.platform.problem.Problem;
import rol.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * 佐证材料 of a task over HTTP. Uploading is for those who may report progress on it now; reading for whoever may
 * read the task (leaders and auditors included, another department's task is 404).
 */
@Path("/api/tasks/{id}/evidence")
@Tag(name = "佐证材料", description = "进度反馈所附的文件。能为任务反馈进度的（区委依法治区办、牵头和配合部门）可上传；"
        + "能看任务的都可查看和下载（其他部门的任务答 404）。")
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class EvidenceResource {

    @Inject
    EvidenceStore store;

    @POST
    @Idempotent
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "上传佐证材料", description = "字段 file（PDF、Word、Excel、WPS、JPG、PNG、纯文本或 ZIP，按内容识别类型，"
            + "默认不超过 20 MB），可选 description。201 返回文件信息；进度反馈的 evidence 以 {kind: file, fileId} 引用。"
            + "区委依法治区办和任务的牵头、配合部门可上传。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "案卷评查报告",
            value = "{\"file\": \"2026年上半年行政执法案卷评查报告.pdf\", \"description\": \"上半年案卷评查报告（盖章扫描件）\"}")))
    @APIResponse(responseCode = "400", description = "没有 file 字段或文件为空，或 description 超过 500 字")
    @APIResponse(responseCode = "409", description = "任务现在不能反馈进度（如尚未签收或已销号）")
    @APIResponse(responseCode = "413", description = "文件超过 evidence.max-size（默认 20 MB），或压缩包、Office 文件解压后超过原文件的 100 倍")
    @APIResponse(responseCode = "415", description = "不接受的文件类型，detectedType 说明它看起来是什么")
    @APIResponse(responseCode = "422", description = "压缩包或 Office 文件已损坏，或含有不允许的结构（DTD、异常深的嵌套）")
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file,
                           @RestForm("description") String description) {
        EvidenceStore.Upload upload = file == null || file.uploadedFile() == null
                ? new EvidenceStore.Upload(null, 0, null, description)
                : new EvidenceStore.Upload(file.uploadedFile(), file.size(), file.fileName(), description);
        EvidenceFile stored = store.upload(id, upload);
        return Response.created(URI.create(stored.url())).entity(stored).build();
    }

    @GET
    @Operation(summary = "任务的佐证材料", description = "能看任务的都可查看其佐证材料的文件信息（名称、说明、类型、大小、SHA-256、上传人），"
            + "按上传时间排列（不含文件内容）。")
    public Files list(@PathParam("id") UUID id) {
        List<EvidenceFile> items = store.list(id);
        return new Files(items, items.size());
    }

    @GET
    @Path("/{fileId}")
    @Produces({MediaType.WILDCARD, Problem.MEDIA_TYPE})
    @Operation(summary = "下载佐证材料", description = "能看任务的都可下载，以附件下载，文件名为上传时的名称（UTF-8）。")
    @APIResponse(responseCode = "200", description = "文件内容，类型为保存时识别的类型")
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        EvidenceFile file = store.readable(id, fileId);
        StreamingOutput body = out -> store.write(file, out);
        return Response.ok(body)
                .type(file.contentType())
                // the stored size, so that the body is not sent chunked and a browser can show progress
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header("Content-Disposition", EvidenceRules.contentDisposition(file.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    public record Files(List<EvidenceFile> items, int total) {
    }
}
