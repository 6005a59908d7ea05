package rol.task.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import rol.platform.event.task.TaskV1;
import rol.task.suggestion.ChineseText;
import rol.task.workflow.TaskOwners;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A supervised task (督办事项): one actionable plan item of a published report, and its lifecycle. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Column(name = "work_plan_id", nullable = false)
    public UUID workPlanId;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** The plan item's stable id in the report: a revision of the report names the same item. */
    @Column(name = "plan_item_id", nullable = false)
    public String planItemId;

    /** The title of the plan theme the item belongs to, if any. */
    public String theme;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    @Column(name = "span_start")
    public Integer spanStart;

    @Column(name = "span_end")
    public Integer spanEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskState state;

    @Column(name = "lead_department")
    public String leadDepartment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_departments", nullable = false)
    public List<String> coDepartments = new ArrayList<>();

    public LocalDate deadline;

    @Column(name = "key_supervision", nullable = false)
    public boolean keySupervision;

    @Column(nullable = false)
    public int percent;

    @Column(name = "last_feedback_at")
    public OffsetDateTime lastFeedbackAt;

    /** When it was (last) dispatched; the rollups measure elapsed time from here. */
    @Column(name = "dispatched_at")
    public OffsetDateTime dispatchedAt;

    /** When the office closed it (销号); on time when on or before the deadline. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Suggested at registration from the directory and the item's text (rule and matched words beside each). */
    @Column(name = "suggested_lead_department")
    public String suggestedLeadDepartment;

    @Column(name = "suggested_lead_rule")
    public String suggestedLeadRule;

    @Column(name = "suggested_lead_words")
    public String suggestedLeadWords;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "suggested_co_departments", nullable = false)
    public List<String> suggestedCoDepartments = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "suggested_co_rules", nullable = false)
    public List<String> suggestedCoRules = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "suggested_co_words", nullable = false)
    public List<String> suggestedCoWords = new ArrayList<>();

    @Column(name = "suggested_deadline")
    public LocalDate suggestedDeadline;

    @Column(name = "suggested_deadline_rule")
    public String suggestedDeadlineRule;

    @Column(name = "suggested_deadline_words")
    public String suggestedDeadlineWords;

    /**
     * Title and text in {@link ChineseText#searchForm} (simplified, lower case): what {@code q} of the task list is
     * matched against. Kept by the entity itself, so that no path that changes title or text can forget it.
     */
    @Column(name = "search_text", nullable = false)
    String searchText;

    @Version
    public long version;

    /** Title and text as last put into {@link #searchText}: most updates (progress, state) change neither. */
    @Transient
    private String indexedTitle;
    @Transient
    private String indexedText;

    @PostLoad
    void indexed() {
        indexedTitle = title;
        indexedText = text;
    }

    @PrePersist
    @PreUpdate
    void index() {
        if (searchText == null || !Objects.equals(title, indexedTitle) || !Objects.equals(text, indexedText)) {
            searchText = searchText(title, text);
            indexed();
        }
    }

    /** What {@link #searchText} holds for a title and a text (the V6 migration fills existing rows with it). */
    public static String searchText(String title, String text) {
        return ChineseText.searchForm(title + "\n" + text);
    }

    /** The milestones as the last action in this transaction left them, so the answer need not read them again. */
    @Transient
    private List<Milestone> milestonesAfterAction;

    public void milestonesAfterAction(List<Milestone> milestones) {
        milestonesAfterAction = List.copyOf(milestones);
    }

    /** The milestones the last action left, else as stored now. */
    public List<Milestone> milestones() {
        return milestonesAfterAction != null ? milestonesAfterAction : Milestone.ofTask(id);
    }

    public TaskOwners owners() {
        return leadDepartment == null ? TaskOwners.NONE : new TaskOwners(leadDepartment, Set.copyOf(coDepartments));
    }

    /** Does this department lead or support the task? */
    public boolean involves(String department) {
        return department != null && (department.equals(leadDepartment) || coDepartments.contains(department));
    }

    /** The snapshot every task event carries. */
    public TaskV1 snapshot(WorkPlan plan) {
        return snapshot(plan, Milestone.ofTask(id));
    }

    /** The snapshot, with this task's milestones already at hand. */
    public TaskV1 snapshot(WorkPlan plan, List<Milestone> ofThisTask) {
        List<TaskV1.Milestone> milestones = ofThisTask.stream().map(Milestone::snapshot).toList();
        return new TaskV1(id.toString(), district, workPlanId.toString(), reportId.toString(), planItemId,
                plan.issuer, plan.planYear, theme, title, state.name(), leadDepartment, coDepartments, deadline,
                keySupervision, percent, lastFeedbackAt, dispatchedAt, closedAt, version, milestones);
    }
}
