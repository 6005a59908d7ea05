package rol.report.parse;

/** Half-open character range [start, end) into {@link ParsedReport#text()}, the stored original text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public Span union(Span other) {
        return other == null ? this : new Span(Math.min(start, other.start), Math.max(end, other.end));
    }
}
