package rol.report.parse;

/** No bytes, or nothing but white space after decoding. */
public final class EmptyReportException extends ReportParseException {
    public EmptyReportException(String message) {
        super("report.parse.empty", message, null);
    }
}
