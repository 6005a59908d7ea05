package rol.task.ledgerimport;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;

/** 导入台账: only the office (区委依法治区办) takes its existing Excel ledger over into the system. */
@Path("/api/imports")
@Tag(name = "导入台账", description = "把区委依法治区办原有的 Excel 台账导入系统：上传后先预览（逐行显示将新建或更新的任务、识别出的单位和时限、"
        + "每个单元格的错误和提醒），改正单位和状态的对应关系、跳过不要的行，再确认导入（全部成功或全部不导入）。仅区委依法治区办可用。")
@RolesAllowed(Roles.OFFICE)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ImportResource {

    @Inject
    LedgerImports imports;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "上传台账并预览", description = "字段 file（.xlsx、.xls 或 .csv，默认不超过 10 MB、5000 行），可选 planYear"
            + "（计划年度，“年底前”“6月30日前”按这一年理解，默认今年）。201 返回预览：每行将新建（CREATE）、更新（UPDATE）、"
            + "不变（UNCHANGED）、有冲突（CONFLICT，系统中已有新的进展，不覆盖）、跳过（SKIP）或有错误（ERROR）。尚未导入任何任务。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "重点任务台账",
            value = "{\"file\": \"2025年法治政府建设重点任务台账.xlsx\", \"planYear\": 2025}")))
    @APIResponse(responseCode = "201", description = "预览")
    @APIResponse(responseCode = "400", description = "没有文件或文件为空、文件设置了密码、疑似压缩炸弹、planYear 不对")
    @APIResponse(responseCode = "413", description = "文件超过 10 MB 或超过 5000 行（detail 写明上限）")
    @APIResponse(responseCode = "415", description = "不是 Excel 或 CSV 表格")
    @APIResponse(responseCode = "422", description = "找不到表头，或有公式计算出错的单元格（detail 列出单元格）")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("planYear") String planYear) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.of(400, "import-empty");
        }
        Integer year = null;
        if (planYear != null && !planYear.isBlank()) {
            try {
                year = Integer.valueOf(planYear.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("planYear", "import.plan-year", planYear);
            }
        }
        imports.checkSize(file.size());
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportViews.Preview preview = imports.upload(content, file.fileName(), year);
        return Response.created(URI.create("/api/imports/" + preview.id())).entity(preview).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "导入预览", description = "上传后的预览（按当前单位名录和任务重新计算）；已确认导入的返回导入结果。")
    @APIResponse(responseCode = "404", description = "没有这次导入")
    public ImportViews.Preview preview(@PathParam("id") UUID id) {
        return imports.preview(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "改正预览", description = "departments：台账里的单位写法 → 单位名录中的单位编号；states：台账里的状态写法 → "
            + "系统状态（DISPATCHED、IN_PROGRESS、CLOSED 等）；skip / unskip：要跳过或恢复的行（预览中每行的 key，如 重点任务!5）。"
            + "改正对所有同样写法的行都生效，返回新的预览。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "对应单位并跳过一行",
            value = "{\"departments\": {\"各街道\": \"kaiyuan-subdistrict\"}, \"states\": {\"已部署\": \"DISPATCHED\"},"
                    + " \"skip\": [\"重点任务!12\"], \"unskip\": []}")))
    @APIResponse(responseCode = "400", description = "单位编号不在名录中、状态不存在，或没有这一行")
    @APIResponse(responseCode = "404", description = "没有这次导入")
    @APIResponse(responseCode = "409", description = "这次导入已经确认过")
    public ImportViews.Preview correct(@PathParam("id") UUID id, ImportViews.Corrections body) {
        return imports.correct(id, body);
    }

    @POST
    @Path("/{id}/commit")
    @Operation(summary = "确认导入", description = "按预览一次性导入：新建和更新任务（每项记下来源文件、工作表和行号，写入留痕并发出任务事件），"
            + "有冲突和跳过的行不变。任何一行还有错误则整份不导入（422）。返回导入结果。")
    @APIResponse(responseCode = "404", description = "没有这次导入")
    @APIResponse(responseCode = "409", description = "这次导入已经确认过")
    @APIResponse(responseCode = "422", description = "还有行存在错误（detail 指出第一处），请改正或跳过后再确认")
    public ImportViews.Preview commit(@PathParam("id") UUID id) {
        return imports.commit(id);
    }
}
