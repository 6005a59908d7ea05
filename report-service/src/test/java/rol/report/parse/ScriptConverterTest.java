package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScriptConverterTest {

    @Test
    void detectsTraditionalScript() {
        assertTrue(ScriptConverter.isTraditional("鯉城區司法局關於推進法治政府建設的報告，認真貫徹落實黨的精神。"));
        assertFalse(ScriptConverter.isTraditional("鲤城区司法局关于推进法治政府建设的报告，认真贯彻落实党的精神。"));
    }

    @Test
    void aFewTraditionalCharactersDoNotMakeASimplifiedTextTraditional() {
        assertFalse(ScriptConverter.isTraditional("鲤城区司法局关于推进法治政府建设的报告（引用：「法治國家」），认真贯彻落实。"));
    }

    @Test
    void matchViewIsSimplifiedHalfWidthAndKeepsOffsets() {
        String original = "（二）強化復議「能調盡調」：一是";
        String view = ScriptConverter.matchView(original, true);
        assertEquals(original.length(), view.length());
        assertEquals("(二)强化复议「能调尽调」:一是", view);
    }

    @Test
    void parsedReportKeepsTheOriginalScriptInTitles() {
        ParsedReport r = new ReportParser().parseText("""
                鯉城區司法局關於2023年度法治政府建設情況的報告
                區委、區政府：
                一、2023年度主要舉措和成效
                （一）堅持全面依法治區
                1.全面學習宣傳貫徹法治思想。開展專題研討 12 場次。
                二、存在問題
                一是行政爭議化解有待加強；二是普法質效有待提高。
                三、2024年工作思路
                一是深化依法治區建設。二是強化復議調解。
                """);
        assertEquals(ParsedReport.TRADITIONAL, r.script());
        assertEquals("堅持全面依法治區", r.achievements().get(0).title());
        assertEquals("行政爭議化解有待加強", r.problems().get(0).title());
        assertEquals(2, r.planLeaves().size());
    }
}
