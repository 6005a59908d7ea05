package rol.task.ledgerimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits of a 台账 upload (ledger-import.*). */
@ConfigMapping(prefix = "ledger-import")
public interface ImportConfig {

    /** Task rows in one file, over all its sheets. */
    @WithDefault("5000")
    int maxRows();

    /** Bytes of one file. */
    @WithDefault("10485760")
    long maxBytes();

    /** How long an upload that was never committed waits for the office before it is deleted. */
    @WithDefault("P30D")
    Duration keepUncommitted();

    /** How often those are looked for (read by the job's {@code @Scheduled}). */
    @WithDefault("6h")
    String cleanupEvery();
}
