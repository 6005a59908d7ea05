package rol.report.parse;

/**
 * Base of the parser's refusals. {@link #messageKey()} is stable so the service can translate it (e.g. into
 * Chinese) and map it to an HTTP status; the message itself is English.
 */
public abstract class ReportParseException extends RuntimeException {
    private final String messageKey;

    protected ReportParseException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
