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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import rol.platform.problem.Problem;
import rol.platform.problem.IfMatch;
import rol.platform.problem.ProblemException;
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
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReportResource {

    private static final String PART = "{part: plan|problems|achievements}";

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
    @Operation(summary = "上传一份报告文件", description = "字段 file（Word、WPS、PDF、RTF、网页或纯文本，按内容识别类型），可选 issuer、year。"
            + "201 新建草稿；正文相同的报告已存在时 200 并返回原报告。")
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
    @Operation(summary = "接收一份报告的正文", description = "正文的编码按内容识别。201 新建草稿；正文相同的报告已存在时 200 并返回原报告。")
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
    @Operation(summary = "报告列表", description = "可按状态、发文机关、报告年度筛选，新收到的在前。")
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
            where.add("issuer like :issuer");
            params.put("issuer", "%" + issuer.strip() + "%");
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
    public Response get(@PathParam("id") UUID id) {
        Report report = intake.find(id);
        return Response.ok(detail(report)).tag(etag(report)).build();
    }

    @GET
    @Path("/{id}/source")
    @Produces({"text/plain; charset=UTF-8", Problem.MEDIA_TYPE})
    @Operation(summary = "报告正文", description = "保存的原文，结构中的 span 指向这里；非办公室角色看到的联系人姓名和电话已打码（长度不变）。")
    public String source(@PathParam("id") UUID id) {
        Report report = intake.find(id);
        return mask(intake.content(report), List.of()).text(report.sourceText);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "纠正记录", description = "每次纠正的操作人、时间、纠正前后的内容，按时间先后。")
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
    @Operation(summary = "纠正报告信息", description = "只改所给的字段：title、issuer、docNumber、signatory、recipients、copiedTo、"
            + "reportYear、planYear、issuedOn、contact；null 清空。If-Match 为旧版本时 412。")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          Map<String, JsonNode> fields) {
        return written(corrections.patchMetadata(id, IfMatch.parse(ifMatch), fields));
    }

    @POST
    @Path("/{id}/" + PART)
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "新增一项", description = "{parentId, after, title, text}；新项得到一个从未用过的编号。")
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
    @Operation(summary = "修改一项", description = "{title, text}；编号不变。")
    public Response edit(@PathParam("id") UUID id, @PathParam("part") String part, @PathParam("itemId") String itemId,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.ItemInput item) {
        return written(corrections.edit(id, IfMatch.parse(ifMatch), part(part), itemId, item));
    }

    @DELETE
    @Path("/{id}/" + PART + "/{itemId}")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "删除一项", description = "连同其下各项；编号不再使用。")
    public Response delete(@PathParam("id") UUID id, @PathParam("part") String part,
                           @PathParam("itemId") String itemId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(corrections.delete(id, IfMatch.parse(ifMatch), part(part), itemId));
    }

    @POST
    @Path("/{id}/" + PART + "/{itemId}/split")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "拆分一项", description = "{parts: [{title, text}, …]}（至少两段）；第一段保留原编号，其余得到新编号。")
    public Response split(@PathParam("id") UUID id, @PathParam("part") String part, @PathParam("itemId") String itemId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.SplitInput input) {
        return written(corrections.split(id, IfMatch.parse(ifMatch), part(part), itemId, input));
    }

    @POST
    @Path("/{id}/" + PART + "/merge")
    @RolesAllowed(Roles.OFFICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "合并几项", description = "{ids: […], title}：同一层级的几项合为一项，保留文中最靠前一项的编号，其余编号不再使用。")
    public Response merge(@PathParam("id") UUID id, @PathParam("part") String part,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReportCorrections.MergeInput input) {
        return written(corrections.merge(id, IfMatch.parse(ifMatch), part(part), input));
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Path("/{id}/publish")
    @Operation(summary = "发布报告", description = "草稿变为已发布，并发出 report.published.v1 事件；此后的纠正发出 report.revised.v1。")
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
