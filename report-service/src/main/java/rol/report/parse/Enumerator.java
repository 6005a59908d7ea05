package rol.report.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of Chinese official documents, as a table: pattern on the matching view (full-width
 * forms already folded to ASCII), and rank in the outline (lower is outer). Ranks follow the national
 * convention 一、 > （一） > 1. > （1）; 一是/一要 are the inline level used for plan and problem lists.
 */
enum Enumerator {
    CN_SECTION(1, "([一二三四五六七八九十]{1,3})[、.]\\s*"),
    CN_PAREN(2, "\\(\\s*([一二三四五六七八九十]{1,3})\\s*\\)[、.]?\\s*"),
    ARABIC(3, "(\\d{1,2})(?:[、.](?![\\d%])|\\s*、)\\s*"),
    ARABIC_PAREN(4, "\\(\\s*(\\d{1,2})\\s*\\)\\s*"),
    CIRCLED(4, "([\u2460-\u2473])\\s*"),
    CN_SHI(5, "([一二三四五六七八九十]{1,3})(?:是|要)\\s*"),
    CN_ORDINAL(5, "第([一二三四五六七八九十]{1,3})[,、]\\s*"),
    CN_QI(5, "其([一二三四五六七八九十]{1,3})[,、:]\\s*");

    final int rank;
    final Pattern pattern;

    Enumerator(int rank, String regex) {
        this.rank = rank;
        this.pattern = Pattern.compile("^" + regex);
    }

    /** A recognised enumerator at the start of a line. */
    record Match(Enumerator kind, int ordinal, int end) {
    }

    static Match at(String match) {
        for (Enumerator e : values()) {
            Matcher m = e.pattern.matcher(match);
            if (m.lookingAt()) {
                int ordinal = e == CIRCLED ? m.group(1).charAt(0) - '\u2460' + 1 : ordinal(m.group(1));
                if (ordinal > 0) return new Match(e, ordinal, m.end());
            }
        }
        return null;
    }

    /** 1..99 from Arabic digits or Chinese numerals (一 … 十, 十一, 二十三); 0 when not a number. */
    static int ordinal(String s) {
        if (s.isEmpty()) return 0;
        if (Character.isDigit(s.charAt(0))) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        int value = 0;
        int digit = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = "零一二三四五六七八九".indexOf(s.charAt(i));
            if (s.charAt(i) == '〇') d = 0;
            if (d >= 0) {
                digit = d;
            } else if (s.charAt(i) == '十') {
                value += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else {
                return 0;
            }
        }
        return value + digit;
    }
}
