package rol.report.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.Operation;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Roles;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

@Path("/api/reports")
@RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReportResource {

    @Inject
    ReportIntake intake;

    @Inject
    ReportConfig config;

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown"})
    @Operation(summary = "接收一份报告的正文", description = "201 新建草稿；内容相同的报告已存在时 200 并返回原报告。")
    public Response receive(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @QueryParam("issuer") String issuer,
                            @QueryParam("year") @Min(value = 2000, message = "{report.year}")
                            @Max(value = 2100, message = "{report.year}") Integer year) {
        String text = decode(body, contentType);
        if (text.isBlank()) {
            throw ProblemException.invalid("body", "report.empty");
        }
        if (text.length() > config.maxTextLength()) {
            throw ProblemException.invalid("body", "report.too-long", config.maxTextLength());
        }
        ReportIntake.Received received = intake.receive(text, blankToNull(issuer), year);
        ReportViews.Detail view = ReportViews.Detail.of(received.report());
        return received.created()
                ? Response.created(URI.create("/api/reports/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    public ReportViews.Page<ReportViews.Summary> list() {
        List<ReportViews.Summary> items = Report.<Report>listAll(Sort.descending("createdAt"))
                .stream().map(ReportViews.Summary::of).toList();
        return new ReportViews.Page<>(items, items.size());
    }

    @GET
    @Path("/{id}")
    public ReportViews.Detail get(@PathParam("id") UUID id) {
        return ReportViews.Detail.of(intake.find(id));
    }

    @GET
    @Path("/{id}/source")
    @Produces({"text/plain; charset=UTF-8", Problem.MEDIA_TYPE})
    public String source(@PathParam("id") UUID id) {
        return intake.find(id).sourceText;
    }

    @POST
    @RolesAllowed(Roles.OFFICE)
    @Path("/{id}/publish")
    @Operation(summary = "发布报告", description = "草稿变为已发布，并发出 report.published.v1 事件。")
    public ReportViews.Detail publish(@PathParam("id") UUID id) {
        return ReportViews.Detail.of(intake.publish(id));
    }

    /**
     * Strict decoding: a byte-order mark decides the encoding, else the declared charset, else UTF-8. Damaged bytes
     * are refused, not silently replaced.
     */
    static String decode(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (contentType != null) {
            try {
                String declared = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
                if (declared != null) {
                    charset = Charset.forName(declared);
                }
            } catch (IllegalArgumentException e) {
                // unknown or malformed charset name: UTF-8, whose strict decoding then decides
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "report.undecodable", charset.name());
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
