package rol.report.parse;

import java.util.List;

/** Readable text, but not a report: names the parts that were looked for and not found. */
public final class UnrecognizedReportException extends ReportParseException {
    private final List<String> missing;

    public UnrecognizedReportException(List<String> missing) {
        super("report.parse.unrecognized",
                "no recognizable report structure: no " + String.join(", no ", missing) + " found", null);
        this.missing = List.copyOf(missing);
    }

    /** Machine names of what was not found: "chinese-text", "title", "achievements", "plan". */
    public List<String> missing() {
        return missing;
    }
}
