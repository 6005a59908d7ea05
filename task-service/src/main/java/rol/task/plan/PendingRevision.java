package rol.task.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A change a report revision (report.revised.v1) would make to a task that is already past DRAFT: recorded, never
 * applied silently; the office accepts or rejects it. One PENDING per task: a newer revision supersedes it.
 */
@Entity
@Table(name = "pending_revision")
public class PendingRevision extends PanacheEntityBase {

    public enum Kind { CHANGE, REMOVAL }

    public enum Status { PENDING, ACCEPTED, REJECTED, SUPERSEDED }

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** title, text, theme, span of the task when the revision arrived (JSON text, jsonb in the table). */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "before", nullable = false)
    String beforeJson;

    /** title, text, theme, span as the revised report has them; null for a removal. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "after")
    String afterJson;

    public Map<String, Object> before() {
        return read(beforeJson);
    }

    public Map<String, Object> after() {
        return read(afterJson);
    }

    public void before(Map<String, Object> value) {
        beforeJson = write(value);
    }

    public void after(Map<String, Object> value) {
        afterJson = write(value);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pending revision is not JSON", e);
        }
    }

    private static String write(Map<String, Object> value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static Optional<PendingRevision> pending(UUID taskId) {
        return find("taskId = ?1 and status = ?2", taskId, Status.PENDING).firstResultOptional();
    }

    public static List<PendingRevision> ofTask(UUID taskId) {
        return list("taskId = ?1 order by createdAt, id", taskId);
    }
}
