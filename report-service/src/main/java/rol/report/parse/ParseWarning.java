package rol.report.parse;

/**
 * Something the parser repaired, removed, guessed or could not read. {@code line} is 1-based in the stored text,
 * 0 when the warning concerns the whole document; {@code span}, where given, is the text it concerns (for
 * removed web-page debris: exactly what was taken out). Codes are listed in docs/report-model.md.
 */
public record ParseWarning(String code, String message, int line, Span span) {

    public ParseWarning(String code, String message, int line) {
        this(code, message, line, null);
    }
}
