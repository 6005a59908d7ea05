package rol.report.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "report")
public interface ReportConfig {

    /** The district this office serves; every report carries it. */
    String district();

    /** The longest report text accepted, in characters; a longer one is refused before anything is stored. */
    @WithDefault("2000000")
    int maxTextLength();
}
