package rol.report.followup;

import rol.report.parse.Span;

/** An achievement passage of the later report that reports on a plan item; the span points into its text. */
public record Evidence(String achievementId, String title, String text, Span span, double score) {
}
