package rol.task.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** 延期申请: one pending per task at a time (a partial unique index says so too). */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "current_deadline")
    public LocalDate currentDeadline;

    @Column(name = "new_deadline", nullable = false)
    public LocalDate newDeadline;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    public String comment;

    public static Optional<ExtensionRequest> pending(UUID taskId) {
        return find("taskId = ?1 and status = ?2", taskId, Status.PENDING).firstResultOptional();
    }

    /** Of these tasks, those with a request waiting for a decision (one query for a page of the task list). */
    public static Set<UUID> pendingOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Set.of();
        }
        return ExtensionRequest.<ExtensionRequest>stream("taskId in ?1 and status = ?2", taskIds, Status.PENDING)
                .map(r -> r.taskId).collect(Collectors.toSet());
    }

    public static List<ExtensionRequest> ofTask(UUID taskId) {
        return list("taskId = ?1 order by requestedAt, id", taskId);
    }
}
