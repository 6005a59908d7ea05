package rol.console.csrf;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import rol.console.relay.RelayProblems;

import java.util.Set;

/**
 * Cross-site request forgery: a state-changing call to {@code /api} must carry {@code X-Requested-With}, which the
 * SPA sends and a form or a link on another site cannot (a cross-site script that sets it needs CORS, which the
 * console does not allow). The session cookie's SameSite attribute is the second line.
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String HEADER = "X-Requested-With";

    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void routes(@Observes Router router) {
        router.route("/api/*").order(5).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (SAFE.contains(ctx.request().method()) || ctx.request().getHeader(HEADER) != null) {
            ctx.next();
            return;
        }
        RelayProblems.send(ctx.response(), 403, "csrf");
    }
}
