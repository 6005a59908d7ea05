package rol.report.parse;

/** A figure as written in the source: value "257.3", unit "万元"; label is the clause that precedes it. */
public record Metric(String id, String label, String value, String unit, Span span) {
}
