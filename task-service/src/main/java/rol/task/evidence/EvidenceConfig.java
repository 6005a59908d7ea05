package rol.task.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** 佐证材料 uploads (evidence files of progress reports). */
@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * The largest file accepted; a larger one is answered 413 and not stored. {@code quarkus.http.limits.max-body-size}
     * must stay well above it, or Vert.x answers a bare 413 before the application can word it.
     */
    @WithDefault("20M")
    MemorySize maxSize();

    /**
     * The content types accepted, as detected from the content (the file name only refines a container format, see
     * {@link ContentTypes}): PDF, Word, Excel, WPS 文字 and 表格, JPEG, PNG, plain text and ZIP.
     */
    @WithDefault("application/pdf,"
            + "application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.ms-works,application/vnd.wps-office.et,"
            + "image/jpeg,image/png,text/plain,application/zip")
    List<String> allowedTypes();
}
