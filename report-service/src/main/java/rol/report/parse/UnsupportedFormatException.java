package rol.report.parse;

/** Binary content that is not a text, Word, WPS, RTF, HTML or PDF document (service: 415). */
public final class UnsupportedFormatException extends ReportParseException {
    private final String detectedType;

    public UnsupportedFormatException(String detectedType, String message, Throwable cause) {
        super("report.parse.unsupported-format", message, cause);
        this.detectedType = detectedType;
    }

    /** What the content looked like (e.g. "image/png", "application/zip", "binary"). */
    public String detectedType() {
        return detectedType;
    }
}
