package rol.platform.quarkus;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * All time comes from this clock. Beans inject {@link java.time.Clock}; tests inject {@link MovableClock}
 * to move it. Nothing moves it in production unless a service exposes an endpoint for that on purpose.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    MovableClock clock() {
        return MovableClock.system();
    }
}
