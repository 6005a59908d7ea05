package rol.task.suggestion;

import java.time.LocalDate;
import java.util.List;

/**
 * A suggested deadline (办结时限) for one plan item.
 *
 * @param deadline the latest date the text sets, or the end of the plan year when it sets none
 * @param words    the words that set it (empty for the default)
 * @param reason   what happened, in English for logs and tests; the console words it from rule and words
 * @param phrases  every time phrase found, in text order: the earlier ones are candidate milestones (序时进度)
 */
public record DeadlineSuggestion(LocalDate deadline, Rule rule, String words, String reason, List<TimePhrase> phrases) {

    public enum Rule {
        /** No time words: 31 December of the plan year. */
        PLAN_YEAR_END,
        /** 年底前, 年内, 年末, 2025年底. */
        YEAR_END,
        /** 上半年 (30 June), 下半年 (31 December). */
        HALF_YEAR,
        /** 一季度/第一季度 … 四季度: the quarter's last day. */
        QUARTER,
        /** 6月底前, 6月前, 六月底, 6月份前: the month's last day. */
        MONTH_END,
        /** 6月30日前, 2025年6月30日之前. */
        DATE,
        /** The date the text or the plan year sets has passed: 31 December of the current year. */
        PASSED
    }

    /** One phrase of the text that names a time, with the date it means. */
    public record TimePhrase(LocalDate date, Rule rule, String words, int start) {
    }

    public DeadlineSuggestion {
        phrases = List.copyOf(phrases);
    }
}
