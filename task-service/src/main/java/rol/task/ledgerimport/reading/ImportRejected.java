package rol.task.ledgerimport.reading;

/**
 * The file as a whole cannot be read: not a spreadsheet, encrypted, too large, no header found. {@code kind} is the
 * problem kind the service answers with (4xx, Chinese text in the bundle), {@code args} its detail's arguments.
 */
public class ImportRejected extends RuntimeException {

    private final int status;
    private final String kind;
    private final transient Object[] args;

    public ImportRejected(int status, String kind, Object... args) {
        super(kind);
        this.status = status;
        this.kind = kind;
        this.args = args.clone();
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Object[] args() {
        return args.clone();
    }
}
