package rol.task.ledgerimport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An uploaded 台账: the rows read from it and the office's corrections (JSON), until it is committed. */
@Entity
@Table(name = "ledger_import")
public class LedgerImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "plan_year", nullable = false)
    public int planYear;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    /** The {@code RawRow}s, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String rows;

    /** The {@code Corrections}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String corrections;

    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    @Column(name = "committed_by")
    public String committedBy;

    /** What the commit did, row by row (the preview as it was committed), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    @Version
    public long version;
}
