package rol.report.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.Topics;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportRevisedV1;
import rol.platform.problem.IfMatch;
import rol.platform.problem.ProblemException;
import rol.platform.quarkus.OutboxWriter;
import rol.report.parse.ParsedReport;
import rol.report.review.PlanFollowUps;
import rol.report.parse.PlanItem;
import rol.report.parse.Span;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Stores parsed reports and publishes them; publishing writes {@code report.published.v1} in the same transaction,
 * and every correction of a published report {@code report.revised.v1} (see {@link ReportCorrections}).
 */
@ApplicationScoped
public class ReportIntake {

    @Inject
    ReportConfig config;

    @Inject
    OutboxWriter outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    PlanFollowUps followUps;

    public record Received(Report report, boolean created) {
    }

    /**
     * Stores a new draft, or finds the report already received with the same stored text. {@code issuer} and
     * {@code year} (the year reported on), when given, replace what the parser found.
     */
    @Transactional
    public Received receive(ParsedReport parsed, String issuer, Integer year) {
        String hash = sha256(parsed.text());
        // the same new content uploaded twice at once: the second waits here until the first commits, then finds it
        Report.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, config.district() + "/" + hash).getSingleResult();
        var existing = Report.byContent(config.district(), hash);
        if (existing.isPresent()) {
            return new Received(existing.get(), false);
        }
        ReportContent content = ReportContent.of(parsed);
        if (issuer != null) {
            content.issuer = issuer;
        }
        if (year != null) {
            content.planYear = content.planYear != null && Objects.equals(content.reportYear, year)
                    ? content.planYear : Integer.valueOf(year + 1);
            content.reportYear = year;
        }
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.district = config.district();
        report.contentHash = hash;
        report.sourceText = parsed.text();
        report.sourceFormat = parsed.format().name();
        report.status = Report.Status.DRAFT;
        report.createdAt = now();
        write(report, content);
        report.persist();
        return new Received(report, true);
    }

    @Transactional
    public Report publish(UUID id, IfMatch expected) {
        Report report = find(id);
        ReportCorrections.checkVersion(report, expected);
        if (report.status != Report.Status.DRAFT) {
            throw ProblemException.stateConflict("report", report.status.name(), List.of());
        }
        report.status = Report.Status.PUBLISHED;
        report.publishedAt = now();
        ReportContent c = content(report);
        outbox.append(Topics.REPORT_EVENTS, ReportPublishedV1.TYPE, report.id.toString(),
                new ReportPublishedV1(report.id.toString(), report.district, c.issuer, c.title,
                        c.reportYear, c.planYear, planItems(c), problems(c)));
        followUps.reportChanged(report, c);
        ReportCorrections.flush(report);
        return report;
    }

    /** The event of a correction of a published report; the report's revision has been counted up already. */
    void revised(Report report, ReportContent c) {
        outbox.append(Topics.REPORT_EVENTS, ReportRevisedV1.TYPE, report.id.toString(),
                new ReportRevisedV1(report.id.toString(), report.district, report.revision, c.issuer, c.title,
                        c.reportYear, c.planYear, planItems(c), problems(c)));
        followUps.reportChanged(report, c);
    }

    public Report find(UUID id) {
        Report report = Report.findById(id);
        if (report == null) {
            throw ProblemException.notFound("report", id);
        }
        return report;
    }

    public ReportContent content(Report report) {
        if (report.structure == null) {
            return ReportContent.legacy(report);
        }
        try {
            return json.readValue(report.structure, ReportContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored structure of report " + report.id + " is unreadable", e);
        }
    }

    /** Stores the structure and repeats the queried members in their columns. */
    void write(Report report, ReportContent c) {
        try {
            report.structure = json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        report.title = c.title;
        report.issuer = c.issuer;
        report.docNumber = c.docNumber;
        report.reportYear = c.reportYear;
        report.planYear = c.planYear;
        report.issuedOn = c.issuedOn;
        report.genre = c.genre == null ? null : c.genre.name();
        report.warningCount = c.warnings.size();
    }

    /** The plan flat in document order: each item after its theme, {@code parentId} rebuilding the outline. */
    static List<ReportPublishedV1.PlanItem> planItems(ReportContent c) {
        List<ReportPublishedV1.PlanItem> out = new ArrayList<>();
        flatten(c.plan, null, out);
        return out;
    }

    private static void flatten(List<PlanItem> items, String parentId, List<ReportPublishedV1.PlanItem> out) {
        for (PlanItem p : items) {
            out.add(new ReportPublishedV1.PlanItem(p.id(), parentId, p.title(), p.text(), p.leaf(), span(p.span())));
            flatten(p.children(), p.id(), out);
        }
    }

    static List<ReportPublishedV1.Problem> problems(ReportContent c) {
        return c.problems.stream()
                .map(p -> new ReportPublishedV1.Problem(p.id(), p.title(), p.text(), span(p.span()))).toList();
    }

    private static ReportPublishedV1.Span span(Span s) {
        return s == null ? null : new ReportPublishedV1.Span(s.start(), s.end());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
