package rol.report.parse;

/** Contact person found in the text. Personal data: show only to roles allowed to see it. */
public record Contact(String name, String phone, Span span) {
}
