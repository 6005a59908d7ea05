package rol.notification.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import rol.platform.quarkus.LightSettings;

/**
 * {@code rollup.*}: the district this deployment shows, the lights job, and the 红黄绿灯 thresholds of
 * {@link LightSettings} (the same keys task-service reads).
 */
@ConfigMapping(prefix = "rollup")
public interface RollupConfig extends LightSettings {

    /** The district whose rollups and ranking the API answers with. */
    @WithDefault("licheng")
    String district();

    LightsJob lightsJob();

    interface LightsJob {
        /** How often {@code LightsJob} looks for tasks whose light is due to change; {@code off} disables it. */
        @WithDefault("15m")
        String every();
    }
}
