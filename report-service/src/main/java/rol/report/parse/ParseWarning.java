package rol.report.parse;

/**
 * Something the parser repaired or could not repair. {@code line} is 1-based in the stored text, 0 when the
 * warning concerns the whole document. Codes are listed in docs/report-model.md.
 */
public record ParseWarning(String code, String message, int line) {
}
