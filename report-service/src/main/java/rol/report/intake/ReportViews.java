package rol.report.intake;

import com.fasterxml.jackson.annotation.JsonRawValue;
import rol.report.parse.AchievementTheme;
import rol.report.parse.Contact;
import rol.report.parse.Finding;
import rol.report.parse.Genre;
import rol.report.parse.ParseWarning;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;
import rol.report.parse.SourceFormat;
import rol.report.parse.Span;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the API shows of reports. */
public final class ReportViews {

    private ReportViews() {
    }

    /** A row of the report list; {@code warnings} counts the extraction warnings of its structure. */
    public record Summary(UUID id, String title, String issuer, String docNumber, Integer reportYear, Integer planYear,
                          LocalDate issuedOn, Report.Status status, OffsetDateTime createdAt,
                          OffsetDateTime publishedAt, int warnings) {
        static Summary of(Report r) {
            return new Summary(r.id, r.title, r.issuer, r.docNumber, r.reportYear, r.planYear, r.issuedOn, r.status,
                    r.createdAt, r.publishedAt, r.warningCount);
        }
    }

    /** The report with its whole structure (docs/report-model.md); {@code contact} masked for all but the office. */
    public record Detail(UUID id, Report.Status status, String district, String contentHash, int textLength,
                         OffsetDateTime createdAt, OffsetDateTime publishedAt, int version, int revision,
                         String title, Span titleSpan, String issuer, String docNumber, String signatory,
                         List<String> recipients, List<String> copiedTo, Integer reportYear, Integer planYear,
                         LocalDate issuedOn, SourceFormat format, String charset, String script, Genre genre,
                         Contact contact, List<ParseWarning> warnings, List<Finding> findings,
                         List<AchievementTheme> achievements, List<Problem> problems, List<PlanItem> plan) {
        static Detail of(Report r, ReportContent c) {
            return new Detail(r.id, r.status, r.district, r.contentHash, r.sourceText.length(), r.createdAt,
                    r.publishedAt, r.version, r.revision, c.title, c.titleSpan, c.issuer, c.docNumber, c.signatory,
                    c.recipients, c.copiedTo, c.reportYear, c.planYear, c.issuedOn, c.format, c.charset, c.script,
                    c.genre, c.contact, c.warnings, c.findings, c.achievements, c.problems, c.plan);
        }
    }

    /** One correction: who made it when, what it touched, and the values before and after. */
    public record HistoryEntry(long id, int version, String action, String part, List<String> itemIds, String actor,
                               OffsetDateTime at, Integer revision, @JsonRawValue String before,
                               @JsonRawValue String after) {
        static HistoryEntry of(Correction c, PersonalData mask) {
            return new HistoryEntry(c.id, c.version, c.action, c.part,
                    c.itemIds.isEmpty() ? List.of() : List.of(c.itemIds.split(",")), c.actor, c.at, c.revision,
                    mask.text(c.before), mask.text(c.after));
        }
    }

    public record Page<T>(List<T> items, long total) {
    }
}
