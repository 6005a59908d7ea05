package rol.report.parse;

import java.util.Arrays;

/**
 * A piece of cleaned text with, for every character, the range of the original text it came from. Repairs
 * (GBK realignment, page-break joining, removed markup) change the text but never lose the way back to the
 * source: a span of any substring is the union of its characters' ranges.
 */
final class TextRun {
    /** Display text: original script, repaired, markup removed. */
    final String text;
    /** Matching view: same length, simplified script, half-width punctuation. */
    final String match;
    private final int[] start;
    private final int[] end;
    /** 1-based line of the first character in the stored text. */
    final int line;

    TextRun(String text, String match, int[] start, int[] end, int line) {
        if (text.length() != match.length() || start.length != text.length() || end.length != text.length()) {
            throw new IllegalArgumentException("inconsistent run");
        }
        this.text = text;
        this.match = match;
        this.start = start;
        this.end = end;
        this.line = line;
    }

    int length() {
        return text.length();
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    int startOf(int i) {
        return start[i];
    }

    int endOf(int i) {
        return end[i];
    }

    Span span() {
        return span(0, text.length());
    }

    Span span(int from, int to) {
        if (from >= to) {
            int at = from < text.length() ? start[from] : (text.isEmpty() ? 0 : end[text.length() - 1]);
            return new Span(at, at);
        }
        // Offsets never decrease along a run (lines are read in order, repairs map inside their line).
        return new Span(start[from], end[to - 1]);
    }

    TextRun sub(int from, int to) {
        if (from == 0 && to == text.length()) return this;
        int line = this.line;
        return new TextRun(text.substring(from, to), match.substring(from, to), Arrays.copyOfRange(start, from, to),
                Arrays.copyOfRange(end, from, to), line);
    }

    TextRun sub(int from) {
        return sub(from, text.length());
    }

    /** Without white space (ASCII, ideographic, no-break) at both ends. */
    TextRun trim() {
        int a = 0;
        int b = text.length();
        while (a < b && isSpace(text.charAt(a))) a++;
        while (b > a && isSpace(text.charAt(b - 1))) b--;
        return sub(a, b);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF';
    }

    TextRun concat(TextRun other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        int[] s = Arrays.copyOf(start, start.length + other.start.length);
        System.arraycopy(other.start, 0, s, start.length, other.start.length);
        int[] e = Arrays.copyOf(end, end.length + other.end.length);
        System.arraycopy(other.end, 0, e, end.length, other.end.length);
        return new TextRun(text + other.text, match + other.match, s, e, line);
    }

    /** Replaces [from, to) by {@code replacement}, whose characters all map to the range of the replaced part. */
    TextRun replace(int from, int to, String replacement, String replacementMatch) {
        Span covered = span(from, to);
        int n = replacement.length();
        int[] s = new int[n];
        int[] e = new int[n];
        Arrays.fill(s, covered.start());
        Arrays.fill(e, covered.end());
        TextRun middle = new TextRun(replacement, replacementMatch, s, e, line);
        return sub(0, from).concat(middle).concat(sub(to));
    }

    /** Removes the characters at the given positions (markup), keeping the rest mapped. */
    TextRun without(boolean[] drop) {
        StringBuilder t = new StringBuilder();
        StringBuilder m = new StringBuilder();
        int[] s = new int[text.length()];
        int[] e = new int[text.length()];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (drop[i]) continue;
            t.append(text.charAt(i));
            m.append(match.charAt(i));
            s[k] = start[i];
            e[k] = end[i];
            k++;
        }
        return new TextRun(t.toString(), m.toString(), Arrays.copyOf(s, k), Arrays.copyOf(e, k), line);
    }

    /** A run over original[from, to), one character per source character. */
    static TextRun of(String original, int from, int to, int line, boolean traditional) {
        String t = original.substring(from, to);
        int[] s = new int[t.length()];
        int[] e = new int[t.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = from + i;
            e[i] = from + i + 1;
        }
        return new TextRun(t, ScriptConverter.matchView(t, traditional), s, e, line);
    }

    @Override
    public String toString() {
        return text;
    }
}
