package rol.task.ledgerimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of a 台账 upload (ledger-import.*). */
@ConfigMapping(prefix = "ledger-import")
public interface ImportConfig {

    /** Task rows in one file, over all its sheets. */
    @WithDefault("5000")
    int maxRows();

    /** Bytes of one file. */
    @WithDefault("10485760")
    long maxBytes();
}
