package rol.report.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A report as received: the stored text, what was extracted from it, and where it is in its life (draft, published). */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "source_text", nullable = false)
    public String sourceText;

    public String title;

    public String issuer;

    @Column(name = "report_year")
    public Integer reportYear;

    @Column(name = "plan_year")
    public Integer planYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Version
    public int version;

    public static Optional<Report> byContent(String district, String contentHash) {
        return find("district = ?1 and contentHash = ?2", district, contentHash).firstResultOptional();
    }
}
