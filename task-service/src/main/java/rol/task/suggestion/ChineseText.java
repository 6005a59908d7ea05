package rol.task.suggestion;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form texts are matched in: NFKC (full-width digits and letters become ASCII) and simplified characters, so
 * that 鯉城區司法局 and ６月底前 are found like 鲤城区司法局 and 6月底前. Suggestions quote words from this form.
 */
public final class ChineseText {

    // ICU transliterators are not documented as thread-safe: one instance, used under a lock (texts are short)
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    private ChineseText() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        synchronized (TO_SIMPLIFIED) {
            return TO_SIMPLIFIED.transliterate(nfkc);
        }
    }

    /**
     * The form a task is searched in: {@link #normalize} and lower case, so that a query in traditional characters
     * finds a task written in simplified ones and the reverse (both sides are stored or asked in this form).
     */
    public static String searchForm(String text) {
        return normalize(text).toLowerCase(Locale.ROOT);
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
