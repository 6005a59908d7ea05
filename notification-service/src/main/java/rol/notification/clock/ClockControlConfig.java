package rol.notification.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notification.clock")
public interface ClockControlConfig {

    /** Whether {@code /api/clock} may move the clock: local stacks and tests only, never production. */
    @WithDefault("false")
    boolean controlEnabled();
}
