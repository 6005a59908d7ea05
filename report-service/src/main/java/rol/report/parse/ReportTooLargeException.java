package rol.report.parse;

/** Input or extracted text beyond the limits, including compressed documents that expand suspiciously (zip bombs). */
public final class ReportTooLargeException extends ReportParseException {
    public ReportTooLargeException(String message, Throwable cause) {
        super("report.parse.too-large", message, cause);
    }
}
