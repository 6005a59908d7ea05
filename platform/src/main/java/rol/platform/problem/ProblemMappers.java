package rol.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every error leaves a service as {@code application/problem+json}; these mappers are the only place that decides how. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response application(ProblemException e, UriInfo uri) {
        Response answer = respond(withInstance(e.problem(), uri));
        if (e.problem().status() == 503) {
            return Response.fromResponse(answer).header("Retry-After", String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS)).build();
        }
        return answer;
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof JsonText.ControlCharacterException
                    ? Messages.text("field.control-character") : Messages.text("malformed-json-field.detail", field);
            return respond(Problems.problem(400, "validation", path(uri),
                    List.of(new Problem.FieldError(field, message)), Map.of()));
        }
        JsonLocation at = e.getLocation();
        return respond(Problems.problem(400, "malformed-json", path(uri), List.of(), Map.of(),
                at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr()));
    }

    /**
     * A body member of the wrong type ({@code "percent": "abc"}): quarkus-rest-jackson has its own mapper for exactly
     * these types, which would answer without naming the field.
     */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (e.getResponse().getEntity() instanceof Problem problem) {
            return respond(withInstance(problem, uri));
        }
        Response.ResponseBuilder answer = Response.fromResponse(respond(Problems.forStatus(e.getResponse().getStatus(), path(uri))));
        // keep headers that tell the client what to do (Allow for 405, WWW-Authenticate for 401)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        if (e.getResponse().getStatus() == 405 && e.getResponse().getHeaderString("Allow") == null) {
            // RESTEasy refuses the method without saying which ones the path takes
            Set<String> allowed = ResourceRoutes.allowed().forPath(uri == null ? "/" : uri.getPath());
            if (!allowed.isEmpty()) {
                answer.header("Allow", String.join(", ", allowed));
            }
        }
        return answer.type(Problem.MEDIA_TYPE).build();
    }

    /** No token, or one that failed verification (expired, wrong issuer or audience, bad signature). */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problems.forStatus(401, path(uri))))
                .header("WWW-Authenticate", "Bearer realm=\"rule-of-law\"").build();
    }

    /**
     * Two writers changed the same record at once: the one whose version check failed (JPA {@code @Version}) is
     * answered 412 like a stale {@code If-Match}; its transaction was rolled back, so nobody's change is lost.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(Problems.problem(412, "concurrent-change", path(uri), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problems.forStatus(403, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (causedBy(e, t -> t instanceof ClosedChannelException || t.getClass().getName().endsWith("HttpClosedException"))) {
            // the caller hung up (its timeout) before the body was read: nobody is left to answer, nothing was changed
            LOG.infof("caller left before its request to %s was read", path(uri));
            return respond(Problems.forStatus(400, path(uri)));
        }
        if (causedBy(e, t -> t instanceof SQLException && String.valueOf(t.getMessage()).contains("acquisition timeout"))) {
            // every database connection stayed busy for the whole acquisition timeout: overload, not a fault, so
            // the clerk is told to try again shortly and nothing was changed
            LOG.warnf("no database connection free in time for %s: answered 503", path(uri));
            return Response.fromResponse(respond(Problems.forStatus(503, path(uri))))
                    .header("Retry-After", "2").build();
        }
        Optional<String> outage = DatabaseFaults.kind(e);
        if (outage.isPresent()) {
            // PostgreSQL stopped, restarting or unreachable: the clerk retries in a moment (commit-unknown: with the
            // same Idempotency-Key, so that a change that did commit is not made twice)
            LOG.warnf("database unreachable on %s (%s): answered 503 %s", path(uri), e, outage.get());
            return Response.fromResponse(respond(withInstance(DatabaseFaults.problem(outage.get()).problem(), uri)))
                    .header("Retry-After", String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS)).build();
        }
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            // PostgreSQL refused a value (SQLSTATE class 22, data exception: a NUL byte, a number or date out of its
            // column's range) that no check before it caught; the transaction was rolled back, so nothing is stored
            LOG.warnf("the database refused a value of the request to %s (SQLSTATE %s): answered 400", path(uri), state);
            return respond(Problems.problem(400, "data-refused", path(uri), List.of(), Map.of()));
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected error %s on %s", ref, path(uri));
        return respond(Problems.problem(500, "internal", path(uri), List.of(), Map.of("errorId", ref), ref));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static Problem withInstance(Problem p, UriInfo uri) {
        return p.instance() != null ? p
                : new Problem(p.type(), p.title(), p.status(), p.detail(), path(uri), p.errors(), p.extensions());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
