package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who issued a report that names no issuing body in a header, its genre and the level of its issuer (synthetic). */
class IssuerAndGenreTest {

    private static final ReportParser PARSER = new ReportParser();

    private static final String BODY = """
            各位代表：
            现在，我代表政府向大会报告工作，请予审议。
            一、2025年工作回顾
            过去一年，经济运行稳中有进，新增城镇就业三万人。
            二、2026年工作安排
            （一）扩大有效需求。实施重点项目五十个。
            （二）增进民生福祉。新增托位一千个。
            """;

    @Test
    void theTitleNamesTheGovernment() {
        ParsedReport r = PARSER.parseText("2026年某某市政府工作报告\n" + BODY);
        assertEquals("某某市人民政府", r.issuer());
        assertTrue(r.findings().contains(new Finding("issuer", "title", 0.9)));
        assertEquals(Genre.GOVERNMENT_WORK_REPORT, r.genre());
        assertTrue(r.findings().contains(new Finding("level", "city", 0.7)), r.findings().toString());
    }

    @Test
    void theSpeakerLineNamesTheGovernmentWhenTheTitleDoesNot() {
        ParsedReport r = PARSER.parseText("政府工作报告\n——2026年1月12日在某某县第十八届人民代表大会第五次会议上\n"
                + "某某县人民政府县长 张某某\n" + BODY);
        assertEquals("某某县人民政府", r.issuer());
        assertEquals(2025, r.reportYear(), "a report delivered in 2026 reviews 2025");
        assertTrue(r.findings().contains(new Finding("level", "county", 0.7)), r.findings().toString());
    }

    @Test
    void aProvincialGovernorWithoutPlaceIsPlacedByTheSessionLine() {
        ParsedReport r = PARSER.parseText("政府工作报告\n（2026年1月27日在某某省第十四届人民代表大会第四次会议上）\n"
                + "省长 王某某\n" + BODY);
        assertEquals("某某省人民政府", r.issuer());
        assertTrue(r.findings().contains(new Finding("issuer", "session", 0.8)));
        assertTrue(r.findings().contains(new Finding("level", "provincial", 0.7)), r.findings().toString());
    }

    @Test
    void aSpeakerLineNamingOnlyTheLevelLeavesThePlaceToTheSessionLine() {
        ParsedReport r = PARSER.parseText("政府工作报告\n——2026年1月20日在某某自治区第十四届人民代表大会第四次会议上\n"
                + "自治区人民政府主席 张某某\n" + BODY);
        assertEquals("某某自治区人民政府", r.issuer());
    }

    @Test
    void thePremierSpeaksForTheStateCouncil() {
        ParsedReport r = PARSER.parseText("政府工作报告\n——2026年3月5日在第十四届全国人民代表大会第四次会议上\n"
                + "国务院总理 李某某\n" + BODY);
        assertEquals("国务院", r.issuer());
        assertTrue(r.findings().contains(new Finding("level", "national", 0.7)), r.findings().toString());
    }

    @Test
    void aWorkSummaryAndPlanOfADepartmentIsItsOwnGenre() {
        ParsedReport r = PARSER.parseText("""
                某某区市场监督管理局2025年工作总结及2026年工作计划
                一、2025年工作总结
                （一）监管执法有力有效。查办案件二百件。
                （二）营商环境持续优化。新增经营主体五千户。
                二、2026年工作计划
                （一）强化食品安全监管。
                （二）深化信用监管。
                """);
        assertEquals(Genre.WORK_SUMMARY_AND_PLAN, r.genre());
        assertEquals("某某区市场监督管理局", r.issuer());
        assertTrue(r.findings().contains(new Finding("level", "department", 0.7)), r.findings().toString());
        assertEquals(2, r.planLeaves().size());
    }

    @Test
    void aSubDistrictRuleOfLawReportIsReadAsSuch() {
        ParsedReport r = PARSER.parseText("""
                某某街道办事处关于2025年法治政府建设情况的报告
                2025年，我街道坚持依法行政。
                一、主要工作成效
                （一）依法决策机制更加健全。全年审查合同二十份。
                二、2026年工作计划
                （一）深化基层依法治理。
                （二）加强法治宣传教育。
                """);
        assertEquals(Genre.RULE_OF_LAW_REPORT, r.genre());
        assertEquals("某某街道办事处", r.issuer());
        assertTrue(r.findings().contains(new Finding("level", "sub-district", 0.7)), r.findings().toString());
    }
}
