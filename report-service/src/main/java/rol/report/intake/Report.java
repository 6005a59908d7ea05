package rol.report.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A report as received: the stored text, its structure (what the parser found, as corrected since) and where it is
 * in its life (draft, published). The metadata columns repeat members of the structure that lists query.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    /** SHA-256 of the stored text (UTF-8): the same report in two encodings or file types is one report. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "source_text", nullable = false)
    public String sourceText;

    /** {@link ReportContent} as JSON. */
    @Column(name = "structure")
    @ColumnTransformer(write = "?::jsonb")
    public String structure;

    public String title;

    public String issuer;

    @Column(name = "doc_number")
    public String docNumber;

    @Column(name = "report_year")
    public Integer reportYear;

    @Column(name = "plan_year")
    public Integer planYear;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public String genre;

    @Column(name = "source_format")
    public String sourceFormat;

    /** How many extraction warnings the structure holds (the list shows it; corrections do not change them). */
    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** Corrections made after publishing; the revision number of the latest report.revised.v1. */
    @Column(nullable = false)
    public int revision;

    /** The last number used for an id of a hand-made item; never reused. */
    @Column(name = "item_seq", nullable = false)
    public int itemSeq;

    /** Optimistic lock; the ETag of the report. */
    @Version
    public int version;

    public static Optional<Report> byContent(String district, String contentHash) {
        return find("district = ?1 and contentHash = ?2", district, contentHash).firstResultOptional();
    }
}
