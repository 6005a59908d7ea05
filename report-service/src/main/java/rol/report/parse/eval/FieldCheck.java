package rol.report.parse.eval;

/** One annotated field of one document: what the annotation expects, what the parser read, and whether they agree. */
public record FieldCheck(String field, String expected, String read, boolean passed) {
}
