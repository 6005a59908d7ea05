package rol.console.relay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the console relays {@code /api/<service>/...}: one base URI per service name the SPA uses. */
@ConfigMapping(prefix = "console.relay")
public interface RelayConfig {

    /** report, task and notification, each to its service's base URI (no path). */
    Map<String, URI> services();

    /** How long a service may take to answer before the console answers 503. */
    @WithDefault("30s")
    Duration timeout();
}
