package rol.report.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the API shows of reports. */
public final class ReportViews {

    private ReportViews() {
    }

    public record Summary(UUID id, String title, String issuer, Integer reportYear, Integer planYear,
                          Report.Status status, OffsetDateTime createdAt, OffsetDateTime publishedAt) {
        static Summary of(Report r) {
            return new Summary(r.id, r.title, r.issuer, r.reportYear, r.planYear, r.status, r.createdAt, r.publishedAt);
        }
    }

    public record Detail(UUID id, String district, String title, String issuer, Integer reportYear, Integer planYear,
                         Report.Status status, String contentHash, int textLength, OffsetDateTime createdAt,
                         OffsetDateTime publishedAt, int version) {
        static Detail of(Report r) {
            return new Detail(r.id, r.district, r.title, r.issuer, r.reportYear, r.planYear, r.status, r.contentHash,
                    r.sourceText.length(), r.createdAt, r.publishedAt, r.version);
        }
    }

    public record Page<T>(List<T> items, long total) {
    }
}
