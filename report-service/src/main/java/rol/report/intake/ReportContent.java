package rol.report.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import rol.report.parse.AchievementTheme;
import rol.report.parse.Contact;
import rol.report.parse.Finding;
import rol.report.parse.Genre;
import rol.report.parse.ParseWarning;
import rol.report.parse.ParsedReport;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;
import rol.report.parse.SourceFormat;
import rol.report.parse.Span;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a report as stored (jsonb) and shown: the members of {@link ParsedReport} without the text, as
 * the parser found them and as clerks corrected them since. Spans point into the report's stored text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "titleSpan", "issuer", "docNumber", "signatory", "recipients", "copiedTo", "reportYear",
        "planYear", "issuedOn", "format", "charset", "script", "genre", "contact", "warnings", "findings",
        "achievements", "problems", "plan"})
public class ReportContent {

    public String title;
    public Span titleSpan;
    public String issuer;
    public String docNumber;
    public String signatory;
    public List<String> recipients = new ArrayList<>();
    public List<String> copiedTo = new ArrayList<>();
    public Integer reportYear;
    public Integer planYear;
    public LocalDate issuedOn;
    public SourceFormat format;
    public String charset;
    public String script;
    public Genre genre;
    /** Personal data: shown unmasked only to the office. */
    public Contact contact;
    public List<ParseWarning> warnings = new ArrayList<>();
    /** How the parser found each part and how sure it was (empty for reports stored before it said so). */
    public List<Finding> findings = new ArrayList<>();
    public List<AchievementTheme> achievements = new ArrayList<>();
    public List<Problem> problems = new ArrayList<>();
    public List<PlanItem> plan = new ArrayList<>();

    public static ReportContent of(ParsedReport p) {
        ReportContent c = new ReportContent();
        c.title = p.title();
        c.titleSpan = p.titleSpan();
        c.issuer = p.issuer();
        c.docNumber = p.docNumber();
        c.signatory = p.signatory();
        c.recipients = new ArrayList<>(p.recipients());
        c.copiedTo = new ArrayList<>(p.copiedTo());
        c.reportYear = p.reportYear();
        c.planYear = p.planYear();
        c.issuedOn = p.issuedOn();
        c.format = p.format();
        c.charset = p.charset();
        c.script = p.script();
        c.genre = p.genre();
        c.contact = p.contact();
        c.warnings = new ArrayList<>(p.warnings());
        c.findings = new ArrayList<>(p.findings());
        c.achievements = new ArrayList<>(p.achievements());
        c.problems = new ArrayList<>(p.problems());
        c.plan = new ArrayList<>(p.plan());
        return c;
    }

    /** The content of a report stored before structures were kept (V1): the title line only. */
    public static ReportContent legacy(Report r) {
        ReportContent c = new ReportContent();
        c.title = r.title;
        c.issuer = r.issuer;
        c.reportYear = r.reportYear;
        c.planYear = r.planYear;
        return c;
    }
}
