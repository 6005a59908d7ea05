package rol.platform.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks of a request that RESTEasy lets through and that we refuse. */
public class RequestChecks {

    /**
     * A body without Content-Type to an endpoint that declares what it takes: RESTEasy would guess (and read it as
     * JSON), we say what to send instead, as for a body of another type (415).
     */
    @ServerRequestFilter
    public Optional<Response> bodyNeedsContentType(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || !hasBody(request)) {
            return Optional.empty();
        }
        Consumes consumes = resource.getResourceMethod() == null ? null
                : Optional.ofNullable(resource.getResourceMethod().getAnnotation(Consumes.class))
                        .orElse(resource.getResourceClass().getAnnotation(Consumes.class));
        if (consumes == null) {
            return Optional.empty();
        }
        Problem problem = Problems.problem(415, "content-type-missing", "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                List.of(), Map.of(), String.join("、", consumes.value()));
        return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
