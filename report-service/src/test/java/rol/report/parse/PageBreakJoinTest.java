package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageBreakJoinTest {

    private static List<Block> tokenise(String text, List<ParseWarning> warnings) {
        List<TextRun> lines = new ReportReader(text, false, warnings).read().lines();
        return new Tokeniser(warnings).tokenise(lines);
    }

    private static List<String> bodies(List<Block> blocks) {
        return blocks.stream().filter(b -> b.role == Block.Role.BODY).map(b -> b.run.text).toList();
    }

    @Test
    void joinsAWordSplitAcrossAPageBreak() {
        List<ParseWarning> w = new ArrayList<>();
        List<Block> blocks = tokenise("4.提升行政复议工作质效。行使复议机构职能，全\n\n年共收到申请 80 件，审结 60 件。\n", w);
        assertEquals(List.of("4.提升行政复议工作质效。行使复议机构职能，全年共收到申请 80 件，审结 60 件。"), bodies(blocks));
        assertTrue(w.stream().anyMatch(x -> x.code().equals("PAGE_BREAK_JOINED") && x.line() == 3));
    }

    @Test
    void joinsAnEnumeratorSplitAcrossAPageBreakSoTheInlineListSurvives() {
        List<Block> blocks = tokenise("一是深化复议改革。建立季度通报制度，受理复议案件 98 件。二\n\n是深化执法改革。印发通知。\n",
                new ArrayList<>());
        List<String> b = bodies(blocks);
        assertEquals(1, b.size());
        assertTrue(b.get(0).contains("。二是深化执法改革"), b.get(0));
        List<int[]> siblings = OutlineBuilder.inlineEnumerations(blocks.get(0).content().match, 2, 0);
        assertEquals(1, siblings.size());
        assertEquals(2, siblings.get(0)[2]);
    }

    @Test
    void joinsAHeadingWithItsShortContinuationButNotWithTheParagraphBelow() {
        List<ParseWarning> w = new ArrayList<>();
        List<Block> blocks = tokenise("""
                (四)坚持法治惠民导向，打造特色公共法律服务

                品牌

                一是增强法务特派员工作实效。完善考核制度。
                (五)锤炼干部能力素养，建强司法行政队伍

                今年以来，我局机关党总支以党建工作为重点，组织学习 6 次。
                """, w);
        List<String> b = bodies(blocks);
        assertEquals("(四)坚持法治惠民导向，打造特色公共法律服务品牌", b.get(0));
        assertEquals("一是增强法务特派员工作实效。完善考核制度。", b.get(1));
        assertEquals("(五)锤炼干部能力素养，建强司法行政队伍", b.get(2));
        assertTrue(w.stream().anyMatch(x -> x.code().equals("HEADING_JOINED")));
    }

    @Test
    void doesNotJoinHeaderAndTailLines() {
        List<Block> blocks = tokenise("""
                某某区司法局文件

                某司〔2025〕3号

                某某区司法局关于2024年度法治政府建设情况的报告

                区委、区政府：

                2024年，我局扎实推进法治政府建设，取得新成效。现将有关情况报告如下：

                抄送：市司法局

                某某区司法局

                2025年2月1日
                """, new ArrayList<>());
        assertEquals(List.of(Block.Role.HEADER_ORG, Block.Role.DOC_NUMBER, Block.Role.TITLE, Block.Role.RECIPIENTS,
                Block.Role.BODY, Block.Role.COPY_TO, Block.Role.SIGNATURE, Block.Role.DATE),
                blocks.stream().map(b -> b.role).toList());
    }
}
