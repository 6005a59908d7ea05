package rol.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error leaves a service as {@code application/problem+json}; these mappers are the only place that decides how. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    @Provider
    public static class Application implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            Problem p = e.problem();
            return respond(new Problem(p.type(), p.title(), p.status(), p.detail(),
                    p.instance() != null ? p.instance() : path(uri), p.errors(), p.extensions()));
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return respond(Problems.problem(400, "validation", path(uri), errors, Map.of()));
        }

        /** The field as the client named it: the bean properties, or the query/path parameter itself. */
        private static String field(ConstraintViolation<?> violation) {
            List<String> properties = new ArrayList<>();
            String parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                    properties.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
                } else if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                }
            }
            return properties.isEmpty() ? String.valueOf(parameter) : String.join(".", properties);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return toResponseAt(e, uri);
        }

        Response toResponseAt(JsonProcessingException e, UriInfo uri) {
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return respond(Problems.problem(400, "validation", path(uri),
                        List.of(new Problem.FieldError(field, Messages.text("malformed-json-field.detail", field))),
                        Map.of()));
            }
            JsonLocation at = e.getLocation();
            return respond(Problems.problem(400, "malformed-json", path(uri), List.of(), Map.of(),
                    at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr()));
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getCause() instanceof JsonProcessingException json) {
                return new Json().toResponseAt(json, uri);
            }
            Response.ResponseBuilder answer = Response.fromResponse(respond(Problems.forStatus(status, path(uri))));
            // keep headers that tell the client what to do (Allow for 405, WWW-Authenticate for 401)
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.type(Problem.MEDIA_TYPE).build();
        }
    }

    /** No token, or one that failed verification (expired, wrong issuer or audience, bad signature). */
    @Provider
    public static class Unauthenticated implements ExceptionMapper<AuthenticationFailedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return unauthorized(uri);
        }
    }

    @Provider
    public static class Unauthorized implements ExceptionMapper<UnauthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnauthorizedException e) {
            return unauthorized(uri);
        }
    }

    static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(Problems.forStatus(401, path(uri))))
                .header("WWW-Authenticate", "Bearer realm=\"rule-of-law\"").build();
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ForbiddenException e) {
            return respond(Problems.forStatus(403, path(uri)));
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Exception e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "unexpected error %s on %s", ref, path(uri));
            return respond(Problems.problem(500, "internal", path(uri), List.of(), Map.of("errorId", ref), ref));
        }
    }
}
