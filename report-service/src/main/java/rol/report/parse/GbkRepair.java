package rol.report.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs GBK text that was decoded one byte off ("?。ㄒ唬﹫猿秩..." for "（一）堅持...").
 *
 * <p>The damaged characters are encoded back to GBK, which restores the original byte stream except for the byte
 * lost where the damage began (shown as '?') and pairs that the damaging decoder could not map. The bytes are
 * then decoded again choosing, by dynamic programming, where to realign: every decoded character has a cost
 * (characters frequent in this very document are cheap, Bopomofo, kana and other mojibake signatures are dear)
 * and dropping a byte has a fixed cost. Half-width punctuation in the damaged run may stand for a full-width
 * character (reports are often width-normalised after the damage), so both encodings are tried.
 */
final class GbkRepair {

    private static final Charset GBK = Charset.forName("GBK");
    private static final double SKIP_COST = 6;
    private static final String CJK_PUNCT = "，。、；：？！“”‘’（）《》〔〕【】—…·";

    private final int[] docFrequency;

    /** @param documentText the whole text: its character frequencies are the language model. */
    GbkRepair(String documentText) {
        docFrequency = new int[65536];
        for (int i = 0; i < documentText.length(); i++) docFrequency[documentText.charAt(i)]++;
    }

    /** True when the text shows signatures of misaligned GBK: '?' or U+FFFD before Han, Bopomofo, kana. */
    static boolean looksDamaged(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || isBopomofo(c)) return true;
            if (c == '?' && i + 1 < s.length() && (s.charAt(i + 1) > 0x2000 || s.charAt(i + 1) == '!')) return true;
        }
        return false;
    }

    record Result(String text, int from, int to, boolean complete) {
    }

    /**
     * Repairs the damaged part of one line. Returns null when no realignment reads better than the damage.
     * {@code from..to} is the replaced range of the input, {@code text} its replacement.
     */
    Result repair(String line) {
        int start = firstMarker(line);
        if (start < 0) return null;
        // The run starts at the first marker and ends where the line ends or a character has no GBK encoding.
        int end = start;
        CharsetEncoder enc = GBK.newEncoder();
        while (end < line.length() && (isLost(line.charAt(end)) || enc.canEncode(line.charAt(end)))) end++;
        String damaged = line.substring(start, end);
        atLineStart = line.substring(0, start).isBlank();
        String repaired = decodeBest(damaged);
        if (repaired == null) return null;
        // Keep the replacement as small as possible: trim what realignment left unchanged at the end.
        int a = 0;
        int b = damaged.length();
        int r = repaired.length();
        while (b > a && r > 0 && damaged.charAt(b - 1) == repaired.charAt(r - 1)) {
            b--;
            r--;
        }
        // Judge only the changed part: the intact rest of the line costs the same either way.
        double before = cost(damaged.substring(0, b));
        double after = cost(repaired.substring(0, r));
        if (after >= before * 0.8) return null;
        String replacement = repaired.substring(0, r);
        boolean complete = !looksDamaged(replacement) && replacement.indexOf('?') < 0;
        return new Result(replacement, start + a, start + b, complete);
    }

    private static int firstMarker(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || c == '?' && i + 1 < s.length() && (s.charAt(i + 1) > 0x2000 || s.charAt(i + 1) == '!')) {
                return i;
            }
            if (isBopomofo(c)) {
                // Start at the beginning of the non-ASCII run holding the signature.
                int j = i;
                while (j > 0 && s.charAt(j - 1) > 0x7F) j--;
                return j;
            }
        }
        return -1;
    }

    private static boolean isLost(char c) {
        return c == '?' || c == '\uFFFD';
    }

    /** Dynamic programming over (character index, pending GBK lead byte). */
    private String decodeBest(String damaged) {
        CharsetEncoder enc = GBK.newEncoder();
        // states for the position before character i: pending lead byte (or -1) -> best cell
        Map<Integer, Cell> states = new HashMap<>();
        states.put(-1, new Cell(0, null, ""));
        for (int i = 0; i < damaged.length(); i++) {
            char c = damaged.charAt(i);
            List<byte[]> variants = variants(c, enc);
            Map<Integer, Cell> next = new HashMap<>();
            for (Map.Entry<Integer, Cell> st : states.entrySet()) {
                for (byte[] v : variants) {
                    feed(st.getKey(), st.getValue(), v, 0, new StringBuilder(), 0, next);
                }
            }
            if (next.isEmpty()) return null;
            states = next;
        }
        Cell best = null;
        for (Map.Entry<Integer, Cell> st : states.entrySet()) {
            Cell cell = st.getKey() == -1 ? st.getValue()
                    : new Cell(st.getValue().cost + SKIP_COST, st.getValue(), "");
            if (best == null || cell.cost < best.cost) best = cell;
        }
        StringBuilder out = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (Cell c = best; c != null; c = c.prev) parts.add(c.out);
        for (int i = parts.size() - 1; i >= 0; i--) out.append(parts.get(i));
        return out.toString();
    }

    private record Cell(double cost, Cell prev, String out, int emitted) {
        Cell(double cost, Cell prev, String out) {
            this(cost, prev, out, (prev == null ? 0 : prev.emitted) + out.length());
        }
    }

    /** Closing punctuation cannot open a line: realignments that produce it there are wrong. */
    private static final String NO_LINE_START = "。，、；：？！）》”’,.;:?!)";
    private boolean atLineStart;

    private void feed(int pending, Cell cell, byte[] bytes, int k, StringBuilder out, double added,
                      Map<Integer, Cell> next) {
        if (k == bytes.length) {
            Cell candidate = new Cell(cell.cost + added, cell, out.toString());
            Cell existing = next.get(pending);
            if (existing == null || candidate.cost < existing.cost) next.put(pending, candidate);
            return;
        }
        int b = bytes[k] & 0xFF;
        int len = out.length();
        if (pending < 0) {
            if (b < 0x80) {
                char c = (char) b;
                double lineStart = startPenalty(cell, out, c);
                out.append(c);
                feed(-1, cell, bytes, k + 1, out, added + charCost(c) + lineStart, next);
                out.setLength(len);
            } else if (b >= 0x81 && b <= 0xFE) {
                feed(b, cell, bytes, k + 1, out, added, next);
                feed(-1, cell, bytes, k + 1, out, added + SKIP_COST, next);
            } else {
                feed(-1, cell, bytes, k + 1, out, added + SKIP_COST, next);
            }
        } else {
            char c = Pairs.decode(pending, b);
            if (c != 0) {
                double lineStart = startPenalty(cell, out, c);
                out.append(c);
                feed(-1, cell, bytes, k + 1, out, added + charCost(c) + lineStart, next);
                out.setLength(len);
            }
            // Drop the pending lead byte and read this byte afresh: realignment.
            feed(-1, cell, bytes, k, out, added + SKIP_COST, next);
        }
    }

    private double startPenalty(Cell cell, StringBuilder out, char c) {
        return atLineStart && cell.emitted == 0 && out.length() == 0 && NO_LINE_START.indexOf(c) >= 0 ? 10 : 0;
    }

    private static List<byte[]> variants(char c, CharsetEncoder enc) {
        List<byte[]> out = new ArrayList<>(2);
        if (isLost(c)) {
            // The damaging decoder swallowed a byte here; nothing to re-encode.
            out.add(new byte[0]);
            return out;
        }
        out.add(encode(c, enc));
        if (c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c)) {
            out.add(encode((char) (c + 0xFEE0), enc));
        }
        return out;
    }

    private static byte[] encode(char c, CharsetEncoder enc) {
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(new char[] {c}));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (java.nio.charset.CharacterCodingException e) {
            return new byte[0];
        }
    }

    double cost(String s) {
        double total = 0;
        for (int i = 0; i < s.length(); i++) total += charCost(s.charAt(i));
        return total;
    }

    /** Low for what this document commonly contains, high for mojibake signatures. */
    private double charCost(char c) {
        if (c == '?' || c == '\uFFFD') return 12;
        if (isBopomofo(c) || c >= '\u3040' && c <= '\u30FF' || c >= '\u00C0' && c <= '\u02FF'
                || c >= '\u2200' && c <= '\u22FF' || c >= '\u2500' && c <= '\u25FF' || c >= '\uE000' && c <= '\uF8FF'
                || c >= '\uFE30' && c <= '\uFE6F') {
            return 12;
        }
        int f = docFrequency[c];
        // ASCII punctuation costs no more than its full-width twin: the twin must win by realigning, not by itself
        if (c < 0x80) return Character.isLetterOrDigit(c) || c == ' ' ? 2 : 1;
        if (CJK_PUNCT.indexOf(c) >= 0) return f > 0 ? 1 : 2;
        // Chinese numerals open headings and items in every report
        if ("一二三四五六七八九十".indexOf(c) >= 0) return 1;
        if (ScriptConverter.isHan(c)) {
            if (f >= 3) return 1;
            if (f >= 1) return 3;
            return 7;
        }
        return 9;
    }

    private static boolean isBopomofo(char c) {
        return c >= '\u3105' && c <= '\u312F';
    }

    /** GBK double-byte table, built once on first repair. */
    private static final class Pairs {
        private static final char[] TABLE = build();

        static char decode(int lead, int trail) {
            if (lead < 0x81 || lead > 0xFE || trail < 0x40 || trail > 0xFE) return 0;
            return TABLE[(lead - 0x81) * 191 + (trail - 0x40)];
        }

        private static char[] build() {
            char[] t = new char[126 * 191];
            CharsetDecoder d = GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] pair = new byte[2];
            for (int lead = 0x81; lead <= 0xFE; lead++) {
                for (int trail = 0x40; trail <= 0xFE; trail++) {
                    if (trail == 0x7F) continue;
                    pair[0] = (byte) lead;
                    pair[1] = (byte) trail;
                    try {
                        CharBuffer cb = d.reset().decode(ByteBuffer.wrap(pair));
                        if (cb.length() == 1 && !(cb.charAt(0) >= '\uE000' && cb.charAt(0) <= '\uF8FF')) {
                            t[(lead - 0x81) * 191 + (trail - 0x40)] = cb.charAt(0);
                        }
                    } catch (java.nio.charset.CharacterCodingException e) {
                        // not a GBK pair
                    }
                }
            }
            return t;
        }
    }
}
