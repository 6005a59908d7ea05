package rol.task.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An uploaded evidence file as the API shows it (everything but the bytes).
 *
 * @param fileName    the name as uploaded, without folders
 * @param contentType detected from the content, not taken from the client
 * @param size        bytes
 * @param sha256      hex, so that a copy handed on can be checked against the original
 * @param capacity    OFFICE, LEAD_DEPARTMENT or CO_DEPARTMENT
 * @param department  the uploader's department (null for the office)
 */
public record EvidenceFile(UUID id, UUID taskId, String district, String fileName, String description,
                           String contentType, long size, String sha256, OffsetDateTime uploadedAt,
                           String uploadedBy, String capacity, String department) {

    /** Where it is downloaded; also the {@code url} of a progress report's evidence that names it. */
    @JsonProperty("url")
    public String url() {
        return "/api/tasks/" + taskId + "/evidence/" + id;
    }
}
