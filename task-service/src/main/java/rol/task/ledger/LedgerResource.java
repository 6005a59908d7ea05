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
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({LedgerResource.XLSX, LedgerResource.CSV, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class LedgerResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    static final String FILE_NAME = "督办台账";

    @Inject
    Ledger ledger;

    @GET
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
