package rol.task.suggestion;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.DeadlineSuggestion.Rule;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineSuggesterTest {

    private final DeadlineSuggester suggester = new DeadlineSuggester();

    private void assertDeadline(String text, String date, Rule rule, String words) {
        DeadlineSuggestion s = suggester.suggest(text, 2025);
        assertEquals(LocalDate.parse(date), s.deadline(), text);
        assertEquals(rule, s.rule(), text);
        assertEquals(words, s.words(), text);
        assertTrue(s.reason().contains(words), s.reason());
    }

    @Test
    void withoutTimeWordsTheDeadlineIsTheEndOfThePlanYear() {
        DeadlineSuggestion s = suggester.suggest("深化“鲤小司”普法品牌效应，推动普法驿站提档升级", 2025);
        assertEquals(LocalDate.of(2025, 12, 31), s.deadline());
        assertEquals(Rule.PLAN_YEAR_END, s.rule());
        assertEquals(List.of(), s.phrases());
        assertTrue(s.reason().contains("2025"), s.reason());
    }

    @Test
    void yearEndWords() {
        assertDeadline("年底前完成司法所提档升级", "2025-12-31", Rule.YEAR_END, "年底前");
        assertDeadline("年内实现司法所全覆盖", "2025-12-31", Rule.YEAR_END, "年内");
        assertDeadline("力争2026年底前全面建成", "2026-12-31", Rule.YEAR_END, "2026年底前");
    }

    @Test
    void halfYears() {
        assertDeadline("上半年出台实施方案", "2025-06-30", Rule.HALF_YEAR, "上半年");
        assertDeadline("下半年组织评估", "2025-12-31", Rule.HALF_YEAR, "下半年");
        assertDeadline("2026年上半年完成验收", "2026-06-30", Rule.HALF_YEAR, "2026年上半年");
    }

    @Test
    void quarters() {
        assertDeadline("一季度制定工作方案", "2025-03-31", Rule.QUARTER, "一季度");
        assertDeadline("第一季度制定工作方案", "2025-03-31", Rule.QUARTER, "第一季度");
        assertDeadline("二季度完成", "2025-06-30", Rule.QUARTER, "二季度");
        assertDeadline("第三季度开展督查", "2025-09-30", Rule.QUARTER, "第三季度");
        assertDeadline("四季度总结", "2025-12-31", Rule.QUARTER, "四季度");
    }

    @Test
    void monthEnds() {
        assertDeadline("6月底前完成换届续聘", "2025-06-30", Rule.MONTH_END, "6月底前");
        assertDeadline("9月前上线运行", "2025-09-30", Rule.MONTH_END, "9月前");
        assertDeadline("十一月底前完成", "2025-11-30", Rule.MONTH_END, "十一月底前");
        assertDeadline("2月底前报送", "2025-02-28", Rule.MONTH_END, "2月底前");
        assertEquals(LocalDate.of(2024, 2, 29), suggester.suggest("2月底前报送", 2024).deadline(), "leap year");
        assertDeadline("2025年10月份前建成", "2025-10-31", Rule.MONTH_END, "2025年10月份前");
        assertDeadline("６月底前完成", "2025-06-30", Rule.MONTH_END, "6月底前");
    }

    @Test
    void explicitDates() {
        assertDeadline("6月30日前完成", "2025-06-30", Rule.DATE, "6月30日前");
        assertDeadline("于2025年10月15日之前报送区委依法治区办", "2025-10-15", Rule.DATE, "2025年10月15日之前");
    }

    @Test
    void theLatestTimeIsTheDeadlineAndTheOthersAreKept() {
        DeadlineSuggestion s = suggester.suggest("一季度出台方案，6月底前试点，年底前全面铺开", 2025);
        assertEquals(LocalDate.of(2025, 12, 31), s.deadline());
        assertEquals("年底前", s.words());
        assertEquals(List.of("一季度", "6月底前", "年底前"), s.phrases().stream().map(DeadlineSuggestion.TimePhrase::words).toList());
        assertEquals(List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31)),
                s.phrases().stream().map(DeadlineSuggestion.TimePhrase::date).toList());
    }

    @Test
    void traditionalText() {
        assertDeadline("上半年完成「一案一碼」系統建設", "2025-06-30", Rule.HALF_YEAR, "上半年");
        assertDeadline("第二季度前完成試點", "2025-06-30", Rule.QUARTER, "第二季度");
    }

    @Test
    void wordsThatLookLikeTimesButSetNoDeadline() {
        for (String text : List.of("建立行政复议与诉讼季度通报制度", "每季度开展一次督查", "3月11日召开推进会",
                "接听12348法律服务咨询热线4670余人次", "2月30日前完成", "办理法律援助案件336件")) {
            DeadlineSuggestion s = suggester.suggest(text, 2025);
            assertEquals(Rule.PLAN_YEAR_END, s.rule(), text + " → " + s);
        }
    }

    @Test
    void aDeadlineThatHasPassedBecomesTheEndOfTheCurrentYear() {
        DeadlineSuggestion s = suggester.suggest("6月底前完成司法所提档升级", 2025, LocalDate.of(2026, 12, 5));
        assertEquals(LocalDate.of(2026, 12, 31), s.deadline());
        assertEquals(Rule.PASSED, s.rule());
        assertEquals("6月底前", s.words());
        DeadlineSuggestion ahead = suggester.suggest("6月底前完成司法所提档升级", 2025, LocalDate.of(2025, 6, 30));
        assertEquals(LocalDate.of(2025, 6, 30), ahead.deadline(), "a deadline of today has not passed");
        assertEquals(Rule.MONTH_END, ahead.rule());
    }
}
