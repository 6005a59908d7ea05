package rol.task.api;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import rol.platform.problem.ProblemMappers;

/**
 * A body member of the wrong type ({@code "percent": "abc"}): quarkus-rest-jackson's own mapper for these would
 * answer plain JSON without naming the field; this hands them to the platform's mapper, which names it.
 */
public class JsonInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
