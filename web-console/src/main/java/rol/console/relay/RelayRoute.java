package rol.console.relay;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;

/**
 * The relay: {@code /api/<service>/<rest>} goes to {@code <service base>/api/<rest>} with the signed-in user's own
 * access token, so that every service keeps deciding what this user may do. Bodies stream through both ways
 * (uploads, ledger exports); the services' answers, problem+json included, reach the SPA unchanged.
 */
@ApplicationScoped
public class RelayRoute {

    private static final Logger LOG = Logger.getLogger(RelayRoute.class);

    /** Headers the services need from the browser; cookies and anything else stay in the console. */
    static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Content-Length", "Accept",
            "Accept-Language", "If-Match", "If-None-Match", "Idempotency-Key");

    /** Headers the SPA needs from the services; a Location names the service's host, which the SPA never uses. */
    static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Length", "Content-Disposition",
            "ETag", "Retry-After", "Cache-Control", "X-Content-Type-Options", "Idempotent-Replayed");

    @Inject
    RelayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        router.routeWithRegex("/api/(report|task|notification)/.*").order(10).handler(this::forward);
    }

    void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String token = accessToken(ctx);
        if (token == null) {
            // the permission policy signs the caller in before this runs; no token here means no session
            RelayProblems.send(ctx.response(), 401, "signed-out");
            return;
        }
        RelayTarget target = RelayTarget.of(in.path(), in.query(), config.services());
        if (target == null) {
            RelayProblems.send(ctx.response(), 404, "not-found");
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(in.method()).setAbsoluteURI(target.uri().toString())
                .setTimeout(config.timeout().toMillis());
        REQUEST_HEADERS.forEach(h -> {
            String v = in.getHeader(h);
            if (v != null) {
                options.putHeader(h, v);
            }
        });
        options.putHeader("Authorization", "Bearer " + token);
        client.request(options)
                .compose(req -> req.send(in))
                .onSuccess(resp -> answer(resp, ctx.response()))
                .onFailure(e -> unavailable(ctx, target.service(), e));
    }

    private static void answer(HttpClientResponse resp, HttpServerResponse out) {
        out.setStatusCode(resp.statusCode());
        RESPONSE_HEADERS.forEach(h -> {
            String v = resp.getHeader(h);
            if (v != null) {
                out.putHeader(h, v);
            }
        });
        if (resp.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        resp.pipeTo(out);
    }

    private static void unavailable(RoutingContext ctx, String service, Throwable e) {
        LOG.warnf("relay to %s failed: %s", service, e.toString());
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Retry-After", "5");
            RelayProblems.send(ctx.response(), 503, "unavailable");
        } else {
            ctx.response().reset();
        }
    }

    private static String accessToken(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }

    /** The service a console path names and the URI it is relayed to, or null for a service not configured. */
    record RelayTarget(String service, URI uri) {
        static RelayTarget of(String path, String query, java.util.Map<String, URI> services) {
            String rest = path.substring("/api/".length());
            int slash = rest.indexOf('/');
            String service = rest.substring(0, slash);
            URI base = services.get(service);
            if (base == null) {
                return null;
            }
            String target = base.toString().replaceAll("/+$", "") + "/api" + rest.substring(slash)
                    + (query == null || query.isEmpty() ? "" : "?" + query);
            return new RelayTarget(service, URI.create(target));
        }
    }
}
