package rol.task.ledgerimport.reading;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadline a 完成时限 cell means: an Excel date, an ISO date, 2025年6月底, 2025年6月30日, 6月30日前 (the plan
 * year), 6月底前, 年底前 / 年内 (31 December of the plan year), 上半年 (30 June); 长期坚持 / 持续推进 / 常态化 mean no
 * deadline, flagged.
 */
public final class DeadlineText {

    /** What a cell was read as: a date, none with a reason, or not understood. */
    public record Reading(LocalDate deadline, Kind kind) {
        public enum Kind {
            DATE, LONG_TERM, BLANK, UNREADABLE
        }
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YMD = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern YM_END = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(?:底|末|份|$|前|内)");
    private static final Pattern YEAR_END = Pattern.compile("(?:(\\d{4})年)?(?:年底|年末|年内|全年|底前|12月底)");
    private static final Pattern HALF = Pattern.compile("(?:(\\d{4})年)?上半年");
    private static final Pattern QUARTER = Pattern.compile("(?:(\\d{4})年)?(?:第)?([一二三四1-4])季度");

    private DeadlineText() {
    }

    public static Reading read(CellValue cell, int planYear) {
        if (cell.date() != null) {
            return new Reading(cell.date(), Reading.Kind.DATE);
        }
        String t = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).replaceAll("\\s", "");
        if (t.isEmpty()) {
            return new Reading(null, Reading.Kind.BLANK);
        }
        if (t.matches(".*(长期|持续|常态|长效).*")) {
            return new Reading(null, Reading.Kind.LONG_TERM);
        }
        try {
            Matcher m = ISO.matcher(t);
            if (m.find()) {
                return date(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))));
            }
            m = YMD.matcher(t);
            if (m.find()) {
                return date(LocalDate.of(year(m.group(1), planYear), num(m.group(2)), num(m.group(3))));
            }
            m = YEAR_END.matcher(t);
            if (m.find()) {
                return date(LocalDate.of(year(m.group(1), planYear), 12, 31));
            }
            m = HALF.matcher(t);
            if (m.find()) {
                return date(LocalDate.of(year(m.group(1), planYear), 6, 30));
            }
            m = QUARTER.matcher(t);
            if (m.find()) {
                int q = "一二三四".indexOf(m.group(2)) >= 0 ? "一二三四".indexOf(m.group(2)) + 1 : num(m.group(2));
                return date(YearMonth.of(year(m.group(1), planYear), q * 3).atEndOfMonth());
            }
            m = YM_END.matcher(t);
            if (m.find()) {
                return date(YearMonth.of(year(m.group(1), planYear), num(m.group(2))).atEndOfMonth());
            }
        } catch (DateTimeException e) {
            return new Reading(null, Reading.Kind.UNREADABLE);
        }
        return new Reading(null, Reading.Kind.UNREADABLE);
    }

    private static Reading date(LocalDate d) {
        return new Reading(d, Reading.Kind.DATE);
    }

    private static int year(String group, int planYear) {
        return group == null ? planYear : num(group);
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
