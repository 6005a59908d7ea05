package rol.task.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;
import rol.task.api.TaskFilterParams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * 台账: the whole task list as a file for a meeting. The same filters, order and visibility as
 * {@code GET /api/tasks} (a department gets only the tasks it leads or supports), no paging.
 */
@Path("/api/ledger")
@Tag(name = "台账", description = "把任务列表导出为开会用的台账文件（Excel 或 CSV），筛选、排序和可见范围与任务列表相同。")
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({LedgerResource.XLSX, LedgerResource.CSV, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class LedgerResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    static final String FILE_NAME = "督办台账";

    @Inject
    Ledger ledger;

    @GET
    @Operation(summary = "导出督办台账", description = "四种角色都可导出（部门只得到本部门牵头或配合的任务）：format 为 xlsx（默认）或 csv，"
            + "筛选和排序参数同 GET /api/tasks，不分页。列：序号、任务、牵头单位、配合单位、完成时限、状态、进度、最新反馈、红黄绿灯、任务编号（把台账导回系统时据此对应任务）。"
            + "文件名为 督办台账-日期.xlsx。")
    @APIResponse(responseCode = "200", description = "台账文件（附件）")
    @APIResponse(responseCode = "400", description = "format 不是 xlsx 或 csv、筛选参数格式不对，或超过 50000 行（请缩小筛选范围）")
    public Response export(@QueryParam("format") @DefaultValue("xlsx") String format,
                           @BeanParam TaskFilterParams params) {
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("xlsx") && !kind.equals("csv")) {
            throw ProblemException.invalid("format", "ledger.format.one-of", format);
        }
        List<LedgerRow> rows = ledger.rows(params.filter());
        LocalDate today = ledger.today();
        StreamingOutput body = kind.equals("xlsx")
                ? out -> LedgerXlsx.write(rows, today, out)
                : out -> LedgerCsv.write(rows, out);
        return Response.ok(body)
                .type(kind.equals("xlsx") ? XLSX : CSV + ";charset=UTF-8")
                .header("Content-Disposition", contentDisposition(FILE_NAME + "-" + today + "." + kind))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** An attachment named in UTF-8 (RFC 6266 / RFC 5987), with an ASCII name for clients that cannot read it. */
    static String contentDisposition(String fileName) {
        String ascii = "ledger" + fileName.substring(FILE_NAME.length());
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
