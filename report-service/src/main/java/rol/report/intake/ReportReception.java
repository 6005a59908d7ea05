package rol.report.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Problems;
import rol.report.parse.EmptyReportException;
import rol.report.parse.ParsedReport;
import rol.report.parse.ReportParser;
import rol.report.parse.ReportTooLargeException;
import rol.report.parse.UnrecognizedReportException;
import rol.report.parse.UnsupportedFormatException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * From uploaded bytes to a parsed report, before anything is stored: the size limit, then the parser, whose refusals
 * become problems a clerk can act on (400 empty, 413 too large, 415 not a document we read, 422 not a report).
 */
@ApplicationScoped
public class ReportReception {

    private final ReportParser parser = new ReportParser();

    @Inject
    ReportConfig config;

    /** 413 above {@code report.max-upload-size}; checked by the application, the HTTP limit is set far above it. */
    public void checkSize(long bytes) {
        long limit = config.maxUploadSize().asLongValue();
        if (bytes > limit) {
            throw ProblemException.of(413, "report-too-large", megabytes(bytes), megabytes(limit));
        }
    }

    public ParsedReport parse(byte[] bytes) {
        ParsedReport parsed;
        try {
            parsed = parser.parse(bytes);
        } catch (EmptyReportException e) {
            throw ProblemException.of(400, "report-empty");
        } catch (UnsupportedFormatException e) {
            throw new ProblemException(Problems.problem(415, "report-unsupported", null, List.of(),
                    Map.of("detectedType", e.detectedType()), kind(e.detectedType())));
        } catch (ReportTooLargeException e) {
            throw ProblemException.of(413, "report-expands");
        } catch (UnrecognizedReportException e) {
            String missing = e.missing().stream().map(m -> Messages.text("report.part." + m))
                    .collect(Collectors.joining("、"));
            throw new ProblemException(Problems.problem(422, "report-unrecognized", null, List.of(),
                    Map.of("missing", e.missing()), missing));
        }
        if (parsed.text().length() > config.maxTextLength()) {
            throw ProblemException.of(413, "report-text-too-long", config.maxTextLength());
        }
        return parsed;
    }

    /** What the content looked like, in a clerk's words. */
    private static String kind(String detectedType) {
        String t = detectedType == null ? "" : detectedType.toLowerCase(Locale.ROOT);
        String key = t.startsWith("image/") ? "image" : t.startsWith("audio/") || t.startsWith("video/") ? "media"
                : t.contains("zip") || t.contains("rar") || t.contains("7z") || t.contains("gzip") || t.contains("tar")
                ? "archive" : t.contains("sheet") || t.contains("excel") ? "spreadsheet"
                : t.contains("presentation") || t.contains("powerpoint") ? "slides"
                : t.contains("executable") || t.contains("msdownload") || t.contains("elf") ? "program" : "binary";
        return Messages.text("report.kind." + key);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
