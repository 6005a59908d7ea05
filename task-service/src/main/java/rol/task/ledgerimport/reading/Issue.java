package rol.task.ledgerimport.reading;

import java.util.List;

/**
 * An error (the row cannot be committed until corrected or skipped) or a warning about one cell of a row. The code
 * names the text in the message bundle ({@code import.issue.<code>}); the service renders it in Chinese.
 */
public record Issue(ImportColumn column, Severity severity, String code, List<String> args) {

    public enum Severity {
        ERROR, WARNING
    }

    public Issue {
        args = List.copyOf(args);
    }

    public static Issue error(ImportColumn column, String code, String... args) {
        return new Issue(column, Severity.ERROR, code, List.of(args));
    }

    public static Issue warning(ImportColumn column, String code, String... args) {
        return new Issue(column, Severity.WARNING, code, List.of(args));
    }
}
