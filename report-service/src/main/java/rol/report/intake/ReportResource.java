package rol.report.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import rol.platform.problem.Problem;
import rol.platform.problem.IfMatch;
import rol.platform.problem.ProblemException;
import rol.platform.query.Like;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.report.intake.Outline.Part;
import rol.report.parse.Contact;
import rol.report.parse.ParsedReport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reports over HTTP: upload (multipart or raw text), read, correct, publish. Every answer that carries a report
 * carries its version as ETag; a write with an If-Match older than the stored report is refused with 412.
 * Contact names and phone numbers are masked for every role but the office, in the report, its text and its history.
 */
@Path("/api/reports")
@Tag(name = "报告", description = "各部门报送的法治政府建设情况报告：上传后解析为工作成效、存在问题、下一年工作思路，"
        + "由区委依法治区办纠正后发布；发布后 task-service 据此生成工作计划和督办任务。区领导、督查可查阅，部门无权访问。")
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReportResource {

    private static final String PART = "{part: plan|problems|achievements}";

    /** Upload and raw text share one path and method, so OpenAPI shows them as one operation. */
    private static final String RECEIVE_SUMMARY = "上传一份报告（文件或正文）";
    private static final String RECEIVE_DESCRIPTION = "区委依法治区办（office）把部门报送的报告交给系统解析，二选一："
            + "multipart/form-data 的字段 file（Word、WPS、PDF、RTF、网页或纯文本，按内容识别类型，不看文件名），"
            + "可选 issuer（发文机关）、year（报告年度，2000–2100）；或直接以 text/plain、text/markdown、text/html 发送正文，"
            + "issuer、year 作查询参数。编码按内容识别（UTF-8、GB18030、Big5 等）。201 新建草稿；"
            + "正文相同的报告已存在时 200 并返回原报告，不重复建档。";

    @Inject
    ReportIntake intake;

    @Inject
    ReportCorrections corrections;

    @Inject
    ReportReception reception;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = RECEIVE_SUMMARY, description = RECEIVE_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(
            name = "区司法局的年度报告", value = "{\"file\": \"区司法局2025年法治政府建设情况报告.docx\", "
            + "\"issuer\": \"区司法局\", \"year\": \"2025\"}")))
    @APIResponse(responseCode = "201", description = "新建的草稿，ETag 为版本，Location 为其地址",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportViews.Detail.class)))
    @APIResponse(responseCode = "200", description = "正文相同的报告已经存在：返回原报告，未新建")
    @APIResponse(responseCode = "400", description = "没有 file 字段、内容中没有文字，或年份不在 2000–2100 之间")
    @APIResponse(responseCode = "413", description = "超过 report.max-upload-size（默认 10 MB）、正文字数上限，或解压、提取文字后异常庞大")
    @APIResponse(responseCode = "415", description = "不是能读取的报告文件（如图片、压缩包），detectedType 说明它看起来是什么；"
            + "或请求体既不是 multipart/form-data 也不是 text/*")
    @APIResponse(responseCode = "422", description = "内容不像一份报告：missing 列出缺少的部分（中文正文、标题、工作成效、工作计划）")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("issuer") String issuer,
                           @RestForm("year") String year) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "report.file-missing");
        }
        reception.checkSize(file.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("reading the uploaded file failed", e);
        }
        return received(reception.parse(bytes), blankToNull(issuer), year(year));
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown", MediaType.TEXT_HTML, "text/*"})
    @Operation(summary = RECEIVE_SUMMARY, description = RECEIVE_DESCRIPTION)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "一份简短的报告正文",
            value = "区市场监管局关于2025年度法治政府建设情况的报告\n\n一、2025年度工作成效\n（一）推进严格规范公正文明执法。"
                    + "全年办理行政处罚案件326件，案卷评查合格率98%。\n二、存在问题\n执法人员法治培训覆盖不够全面。\n"
                    + "三、2026年工作思路\n一是全面落实行政执法三项制度；二是年内完成全员法治培训。")))
    @APIResponse(responseCode = "200", description = "正文相同的报告已经存在：返回原报告，未新建")
    public Response receive(byte[] body,
                            @QueryParam("issuer") String issuer,
                            @QueryParam("year") Integer year) {
        yearInRange(year);
        reception.checkSize(body == null ? 0 : body.length);
        return received(reception.parse(body == null ? new byte[0] : body), blankToNull(issuer), year);
    }

    private Response received(ParsedReport parsed, String issuer, Integer year) {
        ReportIntake.Received received = intake.receive(parsed, issuer, year);
        Report report = received.report();
        Response.ResponseBuilder answer = received.created()
                ? Response.created(URI.create("/api/reports/" + report.id)) : Response.ok();
        return answer.entity(detail(report)).tag(etag(report)).build();
    }

    @GET
    @Operation(summary = "报告列表", description = "区委依法治区办、区领导、督查查看收到的报告（不含正文和结构）。"
            + "可按状态（DRAFT 草稿、PUBLISHED 已发布）、发文机关（包含即可）、报告年度筛选，新收到的在前。")
    public ReportViews.Page<ReportViews.Summary> list(@QueryParam("status") Report.Status status,
                                                      @QueryParam("issuer") String issuer,
                                                      @QueryParam("year") Integer year) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (issuer != null && !issuer.isBlank()) {
            where.add("issuer like :issuer" + Like.ESCAPE);
            params.put("issuer", Like.containing(issuer.strip()));
        }
        if (year != null) {
            where.add("reportYear = :year");
            params.put("year", year);
        }
        List<Report> reports = where.isEmpty() ? Report.listAll(Sort.descending("createdAt"))
                : Report.list(String.join(" and ", where), Sort.descending("createdAt"), params);
        List<ReportViews.Summary> items = reports.stream().map(ReportViews.Summary::of).toList();
        return new ReportViews.Page<>(items, items.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "报告详情", description = "区委依法治区办、区领导、督查查看一份报告的信息和解析出的结构（工作成效、存在问题、"
            + "工作计划，每项带 span 指向正文）。ETag 为当前版本，纠正时作 If-Match。非办公室角色看到的联系人已打码。")
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "报告及其结构，ETag 为版本")
    public Response get(@PathParam("id") UUID id) {
        Report report = intake.find(id);
        return Response.ok(detail(report)).tag(etag(report)).build();
    }

    @GET
    @Path("/{id}/source")
    @Produces({"text/plain; charset=UTF-8", Problem.MEDIA_TYPE})
    @Operation(summary = "报告正文", description = "区委依法治区办、区领导、督查查看保存的原文（纯文本），结构中的 span 指向这里；"
            + "非办公室角色看到的联系人姓名和电话已打码（长度不变）。")
    public String source(@PathParam("id") UUID id) {
        Report report = intake.find(id);
        return mask(intake.content(report), List.of()).text(report.sourceText);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "纠正记录", description = "区委依法治区办、区领导、督查查看这份报告的每次纠正：操作人、时间、动作、"
            + "涉及的条目、纠正前后的内容，按时间先后。非办公室角色看到的联系人已打码。")
    public ReportViews.Page<ReportViews.HistoryEntry> history(@PathParam("id") UUID id) {
        List<Correction> rows = corrections.history(id);
        Report report = intake.find(id);
        PersonalData mask = mask(intake.content(report), rows);
        List<ReportViews.HistoryEntry> items = rows.stream().map(c -> ReportViews.HistoryEntry.of(c, mask)).toList();
        return new ReportViews.Page<>(items, items.size());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICE)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "纠正报告信息", description = "区委依法治区办（office）修正解析出的报告信息。只改所给的字段：title、issuer、"
            + "docNumber、signatory、recipients、copiedTo、reportYear、planYear、issuedOn、contact {name, phone}；null 清空。"
            + "If-Match 为旧版本时 412。已发布的报告也可纠正，纠正后发出 report.revised.v1。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "改发文机关和联系人",
            value = "{\"issuer\": \"区司法局\", \"docNumber\": \"区司发〔2026〕3号\", \"reportYear\": 2025, "
                    + "\"contact\": {\"name\": \"王晓明\", \"phone\": \"0571-88886666\"}}")))
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "纠正后的报告，ETag 为新版本")
    @APIResponse(responseCode = "400", description = "没有字段、字段不可纠正或格式不对；errors 指出是哪个字段")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          Map<String, JsonNode> fields) {
        return written(corrections.patchMetadata(id, IfMatch.parse(ifMatch), fields));
    }

    @POST
    @Path("/{id}/" + PART)
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增一项", description = "区委依法治区办（office）在 part（plan 工作计划、problems 存在问题、"
            + "achievements 工作成效）中补上解析漏掉的一项：{parentId 上级条目（省略为最上层）, after 排在哪一项之后（省略为最后）, "
            + "title, text}。新项得到一个从未用过的编号（如 plan-x3），Location 指向它。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "在工作计划第一项下补一条",
            value = "{\"parentId\": \"plan-1\", \"after\": \"plan-1.2\", \"title\": \"开展行政执法案卷评查\", "
                    + "\"text\": \"每季度抽查各执法单位案卷不少于10卷，年底前形成评查报告。\"}")))
    @APIResponse(responseCode = "201", description = "纠正后的报告，Location 指向新条目，ETag 为新版本",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "没有内容、上级或前一项不存在、不在同一层级，或层级超过该部分的上限")
    public Response add(@PathParam("id") UUID id, @PathParam("part") String part,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.NewItem item) {
        ReportCorrections.Added added = corrections.add(id, IfMatch.parse(ifMatch), part(part), item);
        return Response.created(URI.create("/api/reports/" + id + "/" + part + "/" + added.itemId()))
                .entity(detail(added.report())).tag(etag(added.report())).build();
    }

    @PUT
    @Path("/{id}/" + PART + "/{itemId}")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "修改一项", description = "区委依法治区办（office）改正一项的标题和内容 {title, text}；编号和 span 不变。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "改正一条存在问题",
            value = "{\"title\": \"基层执法力量不足\", \"text\": \"街道综合行政执法队伍人员偏少，专业执法人员占比不足三成。\"}")))
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "纠正后的报告，ETag 为新版本")
    @APIResponse(responseCode = "404", description = "报告或条目不存在（条目可能已被删除或合并）")
    public Response edit(@PathParam("id") UUID id, @PathParam("part") String part, @PathParam("itemId") String itemId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.ItemInput item) {
        return written(corrections.edit(id, IfMatch.parse(ifMatch), part(part), itemId, item));
    }

    @DELETE
    @Path("/{id}/" + PART + "/{itemId}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "删除一项", description = "区委依法治区办（office）删去解析错的一项，连同其下各项；编号不再使用。")
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "纠正后的报告，ETag 为新版本")
    public Response delete(@PathParam("id") UUID id, @PathParam("part") String part,
                           @PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(corrections.delete(id, IfMatch.parse(ifMatch), part(part), itemId));
    }

    @POST
    @Path("/{id}/" + PART + "/{itemId}/split")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "拆分一项", description = "区委依法治区办（office）把误合在一起的一项拆开：{parts: [{title, text}, …]}"
            + "（至少两段）；第一段保留原编号，其余得到新编号。有下级条目的项不能拆分（400）。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "一项拆成两项",
            value = "{\"parts\": [{\"title\": \"落实行政执法公示制度\", \"text\": \"执法信息7个工作日内公示。\"}, "
                    + "{\"title\": \"落实法制审核制度\", \"text\": \"重大执法决定法制审核率达到100%。\"}]}")))
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "纠正后的报告，ETag 为新版本")
    public Response split(@PathParam("id") UUID id, @PathParam("part") String part, @PathParam("itemId") String itemId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.SplitInput input) {
        return written(corrections.split(id, IfMatch.parse(ifMatch), part(part), itemId, input));
    }

    @POST
    @Path("/{id}/" + PART + "/merge")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "合并几项", description = "区委依法治区办（office）把误拆开的几项合为一项：{ids: […], title}，"
            + "须为同一层级；保留文中最靠前一项的编号，内容按原顺序连接，其余编号不再使用。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "合并两条存在问题",
            value = "{\"ids\": [\"problem-1\", \"problem-2\"], \"title\": \"行政执法规范化水平有待提高\"}")))
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "纠正后的报告，ETag 为新版本")
    @APIResponse(responseCode = "400", description = "少于两项，或几项不在同一层级")
    public Response merge(@PathParam("id") UUID id, @PathParam("part") String part,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.MergeInput input) {
        return written(corrections.merge(id, IfMatch.parse(ifMatch), part(part), input));
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Path("/{id}/publish")
    @Operation(summary = "发布报告", description = "区委依法治区办（office）核对无误后发布：草稿变为已发布，并发出 report.published.v1 事件，"
            + "task-service 据此生成工作计划和督办任务草稿；此后的纠正发出 report.revised.v1。")
    @APIResponseSchema(value = ReportViews.Detail.class, responseDescription = "已发布的报告，ETag 为新版本")
    @APIResponse(responseCode = "409", description = "报告已经发布过")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(intake.publish(id, IfMatch.parse(ifMatch)));
    }

    private Response written(Report report) {
        return Response.ok(detail(report)).tag(etag(report)).build();
    }

    private ReportViews.Detail detail(Report report) {
        ReportContent content = intake.content(report);
        PersonalData mask = mask(content, List.of());
        if (mask != PersonalData.NONE) {
            try {
                Contact contact = mask.contact(content.contact);
                content = json.readValue(mask.text(json.writeValueAsString(content)), ReportContent.class);
                content.contact = contact;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ReportViews.Detail.of(report, content);
    }

    /** The office sees personal data; every other role sees it masked, also where an earlier contact appears. */
    private PersonalData mask(ReportContent content, List<Correction> history) {
        if (caller.is(Roles.OFFICE)) {
            return PersonalData.NONE;
        }
        List<Contact> contacts = new ArrayList<>();
        contacts.add(content.contact);
        for (Correction c : history) {
            for (String value : new String[] {c.before, c.after}) {
                contacts.add(contactIn(value));
            }
        }
        return PersonalData.of(contacts);
    }

    private Contact contactIn(String value) {
        if (value == null || !value.contains("\"contact\"")) {
            return null;
        }
        try {
            JsonNode c = json.readTree(value).get("contact");
            return c == null || !c.isObject() ? null : new Contact(c.path("name").asText(null), c.path("phone").asText(null), null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static EntityTag etag(Report report) {
        return new EntityTag(String.valueOf(report.version));
    }

    private static Part part(String path) {
        return Part.ofPath(path).orElseThrow(() -> ProblemException.notFound("report-part", path));
    }

    private static Integer year(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return yearInRange(Integer.parseInt(year.strip()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("year", "report.year-range");
        }
    }

    private static Integer yearInRange(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalid("year", "report.year-range");
        }
        return year;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
