package rol.report.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One correction of a report, as kept in its history: who, when, what, before and after (JSON). */
@Entity
@Table(name = "report_correction")
public class Correction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String part;

    @Column(name = "item_ids", nullable = false)
    public String itemIds;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;

    @ColumnTransformer(write = "?::jsonb")
    public String before;

    @ColumnTransformer(write = "?::jsonb")
    public String after;

    public Integer revision;

    public static List<Correction> of(UUID reportId) {
        return list("reportId = ?1 order by id", reportId);
    }
}
