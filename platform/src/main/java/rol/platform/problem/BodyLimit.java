package rol.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, as Vert.x
 * does, but as problem+json: Vert.x's own 413 (which this one runs before) has no body at all.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router, ObjectMapper json) {
        // Quarkus' default (10240K) when the property is not set
        long limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .orElse(new MemorySize(BigInteger.valueOf(10240L * 1024))).asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> check(ctx, limit, json));
    }

    private static void check(RoutingContext ctx, long limit, ObjectMapper json) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            announced = -1;
        }
        if (announced <= limit) {
            ctx.next();
            return;
        }
        Problem problem = Problems.problem(413, "body-too-large", ctx.request().path(), List.of(), Map.of(),
                String.format(Locale.ROOT, "%.0f MB", limit / 1024.0 / 1024.0));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always JSON", e);
        }
        // the body that follows is not read: close the connection rather than leave it half-read
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(done -> ctx.request().connection().close());
    }
}
