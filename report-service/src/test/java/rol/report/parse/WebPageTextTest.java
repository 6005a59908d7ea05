package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Text copied or saved from a government web site: its furniture is removed, each removal recorded as a span. */
class WebPageTextTest {

    private static final String PAGE = """
            下载
            打印
            【字号：大 中 小】
            2026年某某省政府工作报告
            2026年某某省政府工作报告
            ——2026年1月20日在某某省第十四届人民代表大会第四次会议上
            来源：某某日报
            时间：2026-01-25
            2026-01-25 08:00:00
            某某省省长 王某某
            王某某作政府工作报告。本报记者 李某 摄
            各位代表：
            现在，我代表省人民政府向大会报告工作，请予审议。
            一、2025年工作回顾
            过去一年，全省经济运行稳中有进，新增城镇就业六万人。
            我们也清醒认识到，发展中还存在不少问题。主要是：产业结构不够优化，创新能力不够强，民生保障还有短板。我们一定正视问题，切实加以解决。
            二、2026年重点工作
            （一）扩大有效需求。实施重点项目一百个。
            （二）培育新兴产业。建设创新平台十个。
            （三）保障改善民生。新增托位五千个。
            各位代表！让我们更加紧密地团结在一起，奋力开创新局面！
            相关报道：
            某某省两会开幕
            代表热议政府工作报告""";

    @Test
    void toolBarsTimeStampsCaptionsDuplicatesAndRelatedArticlesAreRemovedAsSpans() {
        ParsedReport r = new ReportParser().parseText(PAGE);
        assertEquals("某某省人民政府", r.issuer(), "the page chrome is not the issuer; the title names the government");
        assertEquals("2026年某某省政府工作报告", r.title());
        assertEquals(2025, r.reportYear());
        assertEquals(2026, r.planYear());
        assertEquals("2026-01-20", r.issuedOn().toString(), "the session line dates the report");
        assertEquals(List.of("产业结构不够优化", "创新能力不够强", "民生保障还有短板"), titles(r.problems()));
        assertEquals(List.of("扩大有效需求", "培育新兴产业", "保障改善民生"), r.plan().stream().map(PlanItem::title).toList());

        List<String> removed = r.warnings().stream().filter(w -> w.code().equals("WEB_DEBRIS_REMOVED"))
                .map(w -> r.text().substring(w.span().start(), w.span().end())).toList();
        assertTrue(removed.contains("下载"), removed.toString());
        assertTrue(removed.contains("【字号：大 中 小】"), removed.toString());
        assertTrue(removed.contains("2026-01-25 08:00:00"), removed.toString());
        assertTrue(removed.contains("时间：2026-01-25"), removed.toString());
        assertTrue(removed.contains("王某某作政府工作报告。本报记者 李某 摄"), removed.toString());
        assertTrue(removed.contains("2026年某某省政府工作报告"), "the duplicated title: " + removed);
        assertTrue(removed.contains("相关报道：\n某某省两会开幕\n代表热议政府工作报告"), removed.toString());
        assertFalse(r.plan().get(2).text().contains("相关报道"));
    }

    @Test
    void aSavedHtmlPageIsReadFromItsMainContentInTheCharsetItDeclares() {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>关于某某区2025年法治政府建设情况的报告_某某区人民政府网</title>
                <script>var nav = "首页";</script></head>
                <body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
                <div class="main"><h1>关于某某区2025年法治政府建设情况的报告</h1>
                <div class="content">
                <p>2025年，我区深入推进法治政府建设，各项工作取得明显成效。</p>
                <p>一、主要工作成效</p>
                <p>（一）依法行政制度体系不断健全。全年审查规范性文件二十件。</p>
                <p>（二）行政执法持续规范。开展执法案卷评查一百件。</p>
                <p>二、存在问题</p>
                <p>一是执法队伍专业化水平不高；二是基层法治力量薄弱。</p>
                <p>三、2026年工作计划</p>
                <p>（一）深化行政执法监督。</p>
                <p>（二）推进法治乡村建设。</p>
                </div></div>
                <div class="footer">主办单位：某某区人民政府办公室 版权所有 网站地图 联系我们 网站标识码</div>
                </body></html>""";
        ParsedReport r = new ReportParser().parse(html.getBytes(Charset.forName("GB18030")));
        assertEquals(SourceFormat.HTML, r.format());
        assertEquals("关于某某区2025年法治政府建设情况的报告", r.title());
        assertEquals(Genre.RULE_OF_LAW_REPORT, r.genre());
        assertEquals(List.of("执法队伍专业化水平不高", "基层法治力量薄弱"), titles(r.problems()));
        assertEquals(List.of("深化行政执法监督", "推进法治乡村建设"), r.planLeaves().stream().map(PlanItem::title).toList());
        assertFalse(r.text().contains("政务公开"), "navigation outside the main content is left out");
        assertFalse(r.text().contains("版权所有"), "the footer is left out");
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("HTML_MAIN_CONTENT")));
    }

    static List<String> titles(List<Problem> problems) {
        return problems.stream().map(Problem::title).toList();
    }
}
