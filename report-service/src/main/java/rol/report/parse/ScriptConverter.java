package rol.report.parse;

import com.ibm.icu.text.Transliterator;

/**
 * Simplified-script and width-folded view for matching, with the same length as the input so offsets carry
 * over one to one. Conversion is ICU's "Traditional-Simplified" applied per character and cached: reports use a
 * few hundred distinct characters, so after warm-up a conversion is a map lookup. Characters that ICU would
 * turn into more than one character are kept as they are (they are not in rules we match on).
 */
public final class ScriptConverter {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");
    /**
     * Per-character caches filled on first sight (0 = not yet known). Races only ever write the same value,
     * and char/byte writes are atomic, so no locking is needed on the hot path.
     */
    private static final char[] SIMPLE = new char[65536];
    private static final byte[] SIMPLIFIED_ONLY = new byte[65536];

    private ScriptConverter() {
    }

    /** The matching view: simplified characters, ASCII instead of full-width forms, plain spaces. */
    static String matchView(CharSequence s, boolean traditional) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = fold(s.charAt(i));
            if (traditional && isHan(c)) c = simplify(c);
            out[i] = c;
        }
        return new String(out);
    }

    /**
     * The matching view of any text, simplified whatever its script (a short phrase is too short to tell); the
     * same length, so offsets carry over. Simplified characters map to themselves.
     */
    public static String simplifiedView(CharSequence s) {
        return matchView(s, true);
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
        if (c == '\u3000' || c == '\u00A0') return ' ';
        return c;
    }

    static char simplify(char c) {
        char cached = SIMPLE[c];
        if (cached != 0) return cached;
        String t = synchronizedTransliterate(TO_SIMPLIFIED, String.valueOf(c));
        char r = t.length() == 1 ? t.charAt(0) : c;
        SIMPLE[c] = r;
        return r;
    }

    private static boolean simplifiedOnly(char c) {
        byte cached = SIMPLIFIED_ONLY[c];
        if (cached != 0) return cached == 1;
        String t = synchronizedTransliterate(TO_TRADITIONAL, String.valueOf(c));
        boolean r = !(t.length() == 1 && t.charAt(0) == c);
        SIMPLIFIED_ONLY[c] = (byte) (r ? 1 : 2);
        return r;
    }

    // ICU transliterators are not documented as thread-safe; conversions are cached, so the lock is rarely taken.
    private static String synchronizedTransliterate(Transliterator t, String s) {
        synchronized (t) {
            return t.transliterate(s);
        }
    }

    /**
     * Traditional when characters that exist only in traditional form clearly outnumber those that exist
     * only in simplified form. Counting both keeps mixed texts (a traditional quote in a simplified report)
     * on the right side.
     */
    static boolean isTraditional(CharSequence s) {
        int traditionalOnly = 0;
        int simplifiedOnly = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isHan(c)) continue;
            if (simplify(c) != c) traditionalOnly++;
            else if (simplifiedOnly(c)) simplifiedOnly++;
        }
        return traditionalOnly >= 5 && traditionalOnly > 2 * simplifiedOnly;
    }

    static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF';
    }
}
