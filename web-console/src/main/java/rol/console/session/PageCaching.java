package rol.console.session;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console's pages are never kept by the browser: after 退出 on a shared office computer, the back button must not
 * bring back a page, or the tasks on it, from the HTTP cache or the back-forward cache. Only HTML answers get
 * {@code no-store}; the hashed scripts and styles stay cacheable.
 */
@ApplicationScoped
public class PageCaching {

    /** Before Quinoa, which serves the pages at order 1100. */
    static final int ORDER = 1;

    void routes(@Observes Router router) {
        router.route().order(ORDER).handler(this::noStoreForPages);
    }

    void noStoreForPages(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith("text/html")) {
                ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }
}
