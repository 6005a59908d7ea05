package rol.task.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import rol.platform.event.task.TaskV1;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** 序时进度: a staged date within a task, planned by the office or the lead department and completed by them. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    /** What the one who completed it said about it. */
    public String note;

    public boolean done() {
        return completedAt != null;
    }

    /** Open and its date has passed. */
    public boolean overdue(LocalDate today) {
        return !done() && dueDate.isBefore(today);
    }

    public TaskV1.Milestone snapshot() {
        return new TaskV1.Milestone(id.toString(), title, dueDate, completedAt);
    }

    /** A task's milestones by date (then by when they were planned). */
    public static List<Milestone> ofTask(UUID taskId) {
        return list("taskId = ?1 order by dueDate, createdAt, id", taskId);
    }

    /** The milestones of several tasks at once (a page of the task list), by date. */
    public static List<Milestone> ofTasks(Collection<UUID> taskIds) {
        return taskIds.isEmpty() ? List.of() : list("taskId in ?1 order by dueDate, createdAt, id", taskIds);
    }
}
