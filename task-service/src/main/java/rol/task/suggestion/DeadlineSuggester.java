package rol.task.suggestion;

import rol.task.suggestion.DeadlineSuggestion.Rule;
import rol.task.suggestion.DeadlineSuggestion.TimePhrase;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests a deadline from a plan item's time words: the end of the plan year unless the text says otherwise.
 * When the text names several times (一季度出台方案，年底前全面铺开) the latest is the deadline and the others are
 * returned as phrases, candidates for milestones. A phrase with a year (2026年底前) uses it; without, the plan year.
 */
public final class DeadlineSuggester {

    private static final String YEAR = "(?:(?<year>20\\d{2})\\s*年\\s*)?";
    private static final String MONTH = "(?<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    /** A date or month counts as a deadline only with a word that makes it one. */
    private static final String BY = "(?:前|之前|以前|为止|止)";

    /** Alternatives tried in this order at each position; each names the rule in its group. */
    private static final Pattern TIME = Pattern.compile(String.join("|",
            "(?<date>" + YEAR + MONTH.replace("month", "dmonth") + "\\s*月\\s*(?<day>[12][0-9]|3[01]|0?[1-9])\\s*日\\s*" + BY + ")",
            "(?<monthend>" + YEAR.replace("year", "myear") + MONTH + "\\s*月份?\\s*(?:底前|末前|底之前|底|末|" + BY + "))",
            "(?<quarter>" + YEAR.replace("year", "qyear") + "第?(?<q>[一二三四1-4])\\s*季度)",
            "(?<half>" + YEAR.replace("year", "hyear") + "(?<which>[上下])半年)",
            "(?<yearend>" + YEAR.replace("year", "yyear") + "(?:年底前|年底|年末|年内|年前完成|年度内|今年内))",
            "(?<yearend2>(?<y2year>20\\d{2})\\s*年\\s*(?:底前|底|末|内|年底))"));

    /**
     * As {@link #suggest(String, int)}, but never a day before {@code today}: a plan whose time has passed (an old
     * report entered late, a plan item taken up after its date) gets the end of the current year, which the office can
     * still dispatch; the words it had named stay with it.
     */
    public DeadlineSuggestion suggest(String itemText, int planYear, LocalDate today) {
        DeadlineSuggestion s = suggest(itemText, planYear);
        if (!s.deadline().isBefore(today)) {
            return s;
        }
        LocalDate end = LocalDate.of(today.getYear(), 12, 31);
        return new DeadlineSuggestion(end, Rule.PASSED, s.words(),
                s.reason() + ", passed by " + today + ": the end of this year", s.phrases());
    }

    public DeadlineSuggestion suggest(String itemText, int planYear) {
        String text = ChineseText.normalize(itemText);
        List<TimePhrase> phrases = new ArrayList<>();
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            TimePhrase p = phrase(m, planYear);
            if (p != null) {
                phrases.add(p);
            }
        }
        if (phrases.isEmpty()) {
            LocalDate end = LocalDate.of(planYear, 12, 31);
            return new DeadlineSuggestion(end, Rule.PLAN_YEAR_END, "", "no time words: the end of plan year " + planYear, List.of());
        }
        TimePhrase last = phrases.stream().max(Comparator.comparing(TimePhrase::date)).orElseThrow();
        String reason = "\"" + last.words() + "\" → " + last.date()
                + (phrases.size() > 1 ? " (the latest of " + phrases.size() + " time phrases)" : "");
        return new DeadlineSuggestion(last.date(), last.rule(), last.words(), reason, phrases);
    }

    private static TimePhrase phrase(Matcher m, int planYear) {
        try {
            if (m.group("date") != null) {
                int year = year(m.group("year"), planYear);
                return new TimePhrase(LocalDate.of(year, month(m.group("dmonth")), Integer.parseInt(m.group("day"))),
                        Rule.DATE, m.group(), m.start());
            }
            if (m.group("monthend") != null) {
                return new TimePhrase(YearMonth.of(year(m.group("myear"), planYear), month(m.group("month"))).atEndOfMonth(),
                        Rule.MONTH_END, m.group(), m.start());
            }
            if (m.group("quarter") != null) {
                int q = "一二三四".indexOf(m.group("q")) + 1;
                if (q == 0) {
                    q = Integer.parseInt(m.group("q"));
                }
                return new TimePhrase(YearMonth.of(year(m.group("qyear"), planYear), q * 3).atEndOfMonth(),
                        Rule.QUARTER, m.group(), m.start());
            }
            if (m.group("half") != null) {
                int month = m.group("which").equals("上") ? 6 : 12;
                return new TimePhrase(YearMonth.of(year(m.group("hyear"), planYear), month).atEndOfMonth(),
                        Rule.HALF_YEAR, m.group(), m.start());
            }
            String y = m.group("yearend") != null ? m.group("yyear") : m.group("y2year");
            return new TimePhrase(LocalDate.of(year(y, planYear), 12, 31), Rule.YEAR_END, m.group(), m.start());
        } catch (DateTimeException e) {
            return null; // 2月30日: not a date, not a deadline
        }
    }

    private static int year(String digits, int planYear) {
        return digits == null ? planYear : Integer.parseInt(digits);
    }

    private static int month(String m) {
        if (Character.isDigit(m.charAt(0))) {
            return Integer.parseInt(m);
        }
        if (m.startsWith("十")) {
            return 10 + (m.length() == 1 ? 0 : "一二".indexOf(m.charAt(1)) + 1);
        }
        return "一二三四五六七八九".indexOf(m) + 1;
    }
}
