package rol.task.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The tasks that one published report's plan becomes, with the report's issuer and plan year. */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    public String issuer;

    public String title;

    @Column(name = "report_year")
    public Integer reportYear;

    @Column(name = "plan_year")
    public Integer planYear;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The last revision of the report applied (report.revised.v1); 0 while none. */
    @Column(nullable = false)
    public int revision;

    public static Optional<WorkPlan> byReport(UUID reportId) {
        return find("reportId", reportId).firstResultOptional();
    }
}
