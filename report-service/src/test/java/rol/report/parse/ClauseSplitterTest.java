package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

    private static List<String> split(String text) {
        return ClauseSplitter.planItems(TextRun.of(text, 0, text.length(), 1, false)).stream().map(r -> r.text).toList();
    }

    @Test
    void splitsARunOnPlanSentenceIntoActions() {
        assertEquals(List.of(
                        "制定全区行政执法监督工作方案，促进执法规范化",
                        "推动完善法律顾问工作机制",
                        "加强规范性文件审查",
                        "深入学习宣传新修订的《行政复议法》",
                        "建立行政复议委员会"),
                split("2025 年，我局将以习近平法治思想为指导，制定全区行政执法监督工作方案，促进执法规范化，推动完善法律顾问工作机制，"
                        + "加强规范性文件审查，深入学习宣传新修订的《行政复议法》，建立行政复议委员会。"));
    }

    @Test
    void framingClauseJoinsTheActionAfterIt() {
        assertEquals(List.of("围绕依法决策的目标，更好发挥统筹职能作用", "加强行政复议调解"),
                split("围绕依法决策的目标，更好发挥统筹职能作用，加强行政复议调解。"));
    }

    @Test
    void nounPhraseContinuesThePreviousAction() {
        assertEquals(List.of("加强案件统计分析，典型案例编撰等工作"), split("加强案件统计分析，典型案例编撰等工作。"));
    }

    @Test
    void listAfterAColonSplitsAtCommasOrSemicolons() {
        String t = "存在的短板弱项主要是：协调推进的力度不够大，行政机关败诉率高，执法意识有待增强。对此，我们将认真整改。";
        assertEquals(List.of("协调推进的力度不够大", "行政机关败诉率高", "执法意识有待增强"),
                ClauseSplitter.listItems(TextRun.of(t, 0, t.length(), 1, false)).stream().map(r -> r.text).toList());
        String s = "还存在一些问题：一些企业经营困难，预期偏弱；财政收支平衡压力较大；民生领域仍有短板。";
        assertEquals(3, ClauseSplitter.listItems(TextRun.of(s, 0, s.length(), 1, false)).size());
    }
}
