package rol.report.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    /** The district this office serves; every report carries it. */
    String district();

    /**
     * The largest upload accepted (file or raw body); a larger one is refused with 413 before it is parsed.
     * {@code quarkus.http.limits.max-body-size} must stay well above it, or Vert.x answers a bare 413 first.
     */
    @WithDefault("10M")
    MemorySize maxUploadSize();

    /** The longest report text accepted, in characters; a longer one is refused before anything is stored. */
    @WithDefault("2000000")
    int maxTextLength();
}
