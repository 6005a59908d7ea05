package rol.report.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.platform.event.Topics;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.problem.ProblemException;
import rol.platform.quarkus.OutboxWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Receives report texts and publishes reports; publishing writes {@code report.published.v1} in the same transaction. */
@ApplicationScoped
public class ReportIntake {

    @Inject
    ReportConfig config;

    @Inject
    OutboxWriter outbox;

    @Inject
    Clock clock;

    public record Received(Report report, boolean created) {
    }

    /** Stores a new draft, or finds the report already received with the same content. */
    @Transactional
    public Received receive(String text, String issuer, Integer year) {
        String hash = sha256(text);
        var existing = Report.byContent(config.district(), hash);
        if (existing.isPresent()) {
            return new Received(existing.get(), false);
        }
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.district = config.district();
        report.contentHash = hash;
        report.sourceText = text;
        report.title = firstLine(text);
        report.issuer = issuer;
        report.reportYear = year;
        report.planYear = year == null ? null : year + 1;
        report.status = Report.Status.DRAFT;
        report.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        report.persist();
        return new Received(report, true);
    }

    @Transactional
    public Report publish(UUID id) {
        Report report = find(id);
        if (report.status != Report.Status.DRAFT) {
            throw ProblemException.stateConflict("report", report.status.name(), List.of());
        }
        report.status = Report.Status.PUBLISHED;
        report.publishedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        outbox.append(Topics.REPORT_EVENTS, ReportPublishedV1.TYPE, report.id.toString(),
                new ReportPublishedV1(report.id.toString(), report.district, report.issuer, report.title,
                        report.reportYear, report.planYear, List.of(), List.of()));
        return report;
    }

    public Report find(UUID id) {
        Report report = Report.findById(id);
        if (report == null) {
            throw ProblemException.notFound("report", id);
        }
        return report;
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.length() > 200 ? l.substring(0, 200) : l).orElse(null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
