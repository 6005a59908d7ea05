package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The problems passage of a report, found by its cue wherever it stands and split by its real structure, without
 * its lead-in and closing pledge. Each case is one way real reports write it (synthetic text).
 */
class ProblemsPassageTest {

    private static final List<String> THREE = List.of("消费需求不足", "产业结构偏重", "城乡差距较大");

    static List<Arguments> passages() {
        return List.of(
                Arguments.of("semicolons after 清醒认识到 and a colon",
                        "在肯定成绩的同时，我们也清醒认识到，发展中还存在一些困难和问题：消费需求不足；产业结构偏重；城乡差距较大。我们将采取有力措施加以解决。"),
                Arguments.of("sentences after 清醒看到 and 主要是",
                        "我们也清醒看到，前进道路上还有不少困难。主要是：消费需求不足，投资增长乏力。产业结构偏重，新兴产业规模小。城乡差距较大。对此，我们一定高度重视。"),
                Arguments.of("one comma run-on with its lead-in and pledge in the same sentence",
                        "我们也清醒认识到，发展中老问题、新挑战并存，消费需求不足，产业结构偏重，城乡差距较大，必须直面问题，切实加以解决。"),
                Arguments.of("一是…三是 after 问题也不容忽视",
                        "同时，工作中的问题也不容忽视：一是消费需求不足；二是产业结构偏重；三是城乡差距较大。"),
                Arguments.of("a lead-in sentence with 还存在不少问题, then semicolon groups",
                        "发展中还存在不少问题，需要高度重视。消费需求不足，投资乏力；产业结构偏重；城乡差距较大。我们一定认真加以解决。"),
                Arguments.of("an unmet-target sentence before the cue, 等等 at the end",
                        "部分预期指标未能完成。我们也清醒认识到：消费需求不足；产业结构偏重；城乡差距较大，等等。这些都是前进中的问题。"),
                Arguments.of("a lead-in paragraph of its own, the problems in the paragraphs after it",
                        "我们也清醒看到面临的困难挑战。\n消费需求不足，投资增长乏力。\n产业结构偏重，新兴产业规模小。\n城乡差距较大，公共服务不均衡。\n我们一定直面问题挑战，尽心竭力改进工作。"),
                Arguments.of("还面临一些困难和挑战 without 清醒",
                        "同时，我省发展还面临一些困难和挑战，主要是：消费需求不足，产业结构偏重，城乡差距较大。我们一定正视问题。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passages")
    void theProblemsAreFoundAndSplitByTheirStructure(String kind, String passage) {
        ParsedReport r = new ReportParser().parseText(report(passage));
        List<String> titles = r.problems().stream().map(Problem::title).toList();
        assertEquals(3, titles.size(), kind + ": " + titles);
        for (int i = 0; i < 3; i++) {
            assertTrue(titles.get(i).startsWith(THREE.get(i)), kind + ": " + titles);
        }
        assertTrue(r.findings().contains(new Finding("problems", "cue-passage", 0.75))
                || r.findings().contains(new Finding("problems", "cue-passage", 0.85)), r.findings().toString());
        Problem last = r.problems().get(2);
        assertEquals(last.text(), r.text().substring(last.span().start(), last.span().end()), "the span is the problem");
    }

    @Test
    void withoutAPassageNoProblemIsInventedAndTheReaderSaysSo() {
        ParsedReport r = new ReportParser().parseText(report("全年经济运行总体平稳，社会大局和谐稳定。"));
        assertTrue(r.problems().isEmpty());
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("NO_PROBLEMS_PART")));
        assertTrue(r.findings().contains(new Finding("problems", "none", 0)));
    }

    /** A small 政府工作报告 around the given problems paragraph. */
    static String report(String problemsParagraph) {
        return """
                2026年某某市政府工作报告
                ——2026年1月10日在某某市第十七届人民代表大会第五次会议上
                各位代表：
                现在，我代表市人民政府向大会报告工作，请予审议。
                一、2025年工作回顾
                过去一年，全市新增城镇就业三万人，完成造林一万亩。
                %s
                二、2026年工作安排
                （一）扩大有效需求。实施重点项目五十个。
                （二）推进城乡融合。建设和美乡村十个。
                """.formatted(problemsParagraph);
    }
}
