package rol.platform.event;

/** An event that can never be applied, however often it is retried: it is recorded as rejected and skipped. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
