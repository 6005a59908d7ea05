package rol.task.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
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

    /** title, text, theme, span of the task when the revision arrived. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> before;

    /** title, text, theme, span as the revised report has them; null for a removal. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

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
