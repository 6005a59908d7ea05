package rol.console.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the console relays {@code /api/<service>/...}: the base URI (no path) of each service. Three named
 * properties rather than a map, so that the environment can set each (CONSOLE_RELAY_TASK …).
 */
@ConfigMapping(prefix = "console.relay")
public interface RelayConfig {

    URI report();

    URI task();

    URI notification();

    /** How long a service may take to answer before the console answers 503. */
    @WithDefault("30s")
    Duration timeout();

    /** The services by the name the SPA uses in its paths. */
    default Map<String, URI> services() {
        return Map.of("report", report(), "task", task(), "notification", notification());
    }
}
