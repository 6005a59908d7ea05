package rol.report.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuing government of a 政府工作报告 that names no issuing body in a header: the report is the people's
 * government's, delivered by its head. Read from the title ("2026年某某省政府工作报告"), the speaker line
 * ("某某市市长 张三", "某某省人民政府省长 张三", "国务院总理 张三") or the session line ("在某某省第十四届人民代表大会…").
 */
final class GovernmentIssuer {

    private static final String STATE_COUNCIL = "国务院";
    private static final Pattern TITLE = Pattern.compile("^(?:\\d{4}年)?(?:度)?(.{2,20}?)(?:人民)?政府工作报告$");
    private static final Pattern SESSION_PLACE = Pattern.compile("在(.{2,20}?)第[一二三四五六七八九十\\d]+届(全国)?人民代表大会");
    /** A place name as it opens an issuer: it ends with its administrative level. */
    private static final Pattern BARE_LEVEL = Pattern.compile("省|市|自治区|特别行政区|自治州|地区|自治县|全省|全市|本市|本省");
    private static final Pattern PLACE = Pattern.compile(".{1,18}(省|市|自治区|特别行政区|自治州|州|地区|盟|县|自治县|区|旗|镇|乡)");

    private GovernmentIssuer() {
    }

    static String fromTitle(String compactTitle) {
        Matcher m = TITLE.matcher(compactTitle);
        return m.matches() ? government(m.group(1)) : null;
    }

    static String fromSpeaker(String compactSpeaker) {
        Matcher m = Tokeniser.SPEAKER.matcher(compactSpeaker);
        if (!m.matches()) return null;
        if (m.group(2).equals("总理")) return STATE_COUNCIL;
        String prefix = m.group(1);
        int gov = prefix.indexOf("人民政府");
        if (gov > 0) prefix = prefix.substring(0, gov);
        return government(prefix);
    }

    static String fromSession(String compactSession) {
        Matcher m = SESSION_PLACE.matcher(compactSession);
        if (!m.find()) return null;
        if (m.group(2) != null) return STATE_COUNCIL;
        return government(m.group(1));
    }

    /** The people's government of a named place; a bare level word ("省", "自治区") names none. */
    private static String government(String place) {
        if (place.equals(STATE_COUNCIL)) return STATE_COUNCIL;
        Matcher m = PLACE.matcher(place);
        return m.matches() && !BARE_LEVEL.matcher(place).matches() ? place + "人民政府" : null;
    }
}
