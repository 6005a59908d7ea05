package rol.task.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a stored answer is kept for retries (a retry after that runs the request again), and the cleanup. */
@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    @WithDefault("PT24H")
    Duration retention();

    /** How often the expired answers are deleted (read by the job's {@code @Scheduled}). */
    @WithDefault("1h")
    String cleanupEvery();
}
