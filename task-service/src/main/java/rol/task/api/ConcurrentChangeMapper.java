package rol.task.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import rol.platform.problem.Problem;
import rol.platform.problem.Problems;

import java.util.List;
import java.util.Map;

/**
 * Two writers changed the same task at once: the one whose version check failed at flush (JPA {@code @Version}) is
 * answered 412 like a stale {@code If-Match}; its transaction was rolled back, so nobody's change is lost.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrent(RuntimeException e, UriInfo uri) {
        Problem p = Problems.problem(412, "concurrent-change", "/" + uri.getPath().replaceFirst("^/", ""), List.of(), Map.of());
        return Response.status(412).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
