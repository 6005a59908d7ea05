package rol.report.parse;

public record Problem(String id, String title, String text, Span span) {
}
