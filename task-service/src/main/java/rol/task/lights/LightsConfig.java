package rol.task.lights;

import io.smallrye.config.ConfigMapping;
import rol.platform.quarkus.LightSettings;

/**
 * {@code rollup.*}: the 红黄绿灯 thresholds under the same keys and defaults as notification-service's
 * {@code RollupConfig} (both are {@link LightSettings}), so that the ledger and the task view show the light the
 * rollups count. Set them alike in both services.
 */
@ConfigMapping(prefix = "rollup")
public interface LightsConfig extends LightSettings {
}
