package rol.task.rectification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 整改事项: one problem (存在问题) of a published report; the tasks that address it are its links. */
@Entity
@Table(name = "rectification")
public class Rectification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Column(name = "work_plan_id", nullable = false)
    public UUID workPlanId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** The problem's stable id in the report (problem-3, problem-x8). */
    @Column(name = "problem_id", nullable = false)
    public String problemId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    @Column(name = "span_start")
    public Integer spanStart;

    @Column(name = "span_end")
    public Integer spanEnd;

    /** A revision of the report deleted the problem. */
    @Column(nullable = false)
    public boolean removed;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The text similarity is computed on: the title when the text does not already say it, then the text. */
    public String matchText() {
        return (title == null || text.contains(title) ? "" : title + "。") + text;
    }
}
