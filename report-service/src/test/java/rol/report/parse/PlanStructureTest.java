package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the next-year plan is and what its items are, in the shapes real reports give it (synthetic text). */
class PlanStructureTest {

    private static final ReportParser PARSER = new ReportParser();

    private static final String HEAD = """
            2026年某某市政府工作报告
            ——2026年1月10日在某某市第十七届人民代表大会第五次会议上
            各位代表：
            现在，我代表市人民政府向大会报告工作，请予审议。
            """;
    /** The head and a one-paragraph review, then the plan section's heading. */
    private static final String UP_TO_PLAN = HEAD + """
            一、2025年工作回顾
            过去一年，全市新增城镇就业三万人。
            二、2026年工作安排
            """;

    @Test
    void aSloganHeadingWithoutYearOrWorkIsFoundAsThePlanByItsContentAndFlagged() {
        ParsedReport r = PARSER.parseText(HEAD + """
                一、过去一年的奋斗历程
                （一）经济运行稳中向好。新增市场主体三千户。
                （二）民生福祉持续增进。新增城镇就业两万人。
                二、坚定信心 奋勇争先
                今年是开局之年。今年经济社会发展的主要预期目标是地区生产总值增长百分之五左右。做好今年工作，重点抓好三个方面：
                （一）扩大有效需求。实施重点项目五十个。
                （二）发展新兴产业。建设创新平台五个。
                （三）增进民生福祉。新增托位一千个。
                """);
        assertEquals(List.of("扩大有效需求", "发展新兴产业", "增进民生福祉"), titles(r.plan()));
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("PLAN_FOUND_BY_CONTENT")), r.warnings().toString());
        assertTrue(r.findings().contains(new Finding("plan", "content", 0.5)));
    }

    @Test
    void sectionsWithoutNumbersAreReadFromTheirHeadings() {
        ParsedReport r = PARSER.parseText(HEAD + """
                2025年工作回顾
                （一）经济运行稳中向好。新增市场主体三千户。
                （二）民生福祉持续增进。新增城镇就业两万人。
                我们也清醒看到，发展中还存在不少问题：消费需求不足；产业结构偏重。我们一定认真解决。
                2026年工作安排
                （一）扩大有效需求。实施重点项目五十个。
                （二）发展新兴产业。建设创新平台五个。
                （三）增进民生福祉。新增托位一千个。
                """);
        assertEquals(List.of("扩大有效需求", "发展新兴产业", "增进民生福祉"), titles(r.plan()));
        assertEquals(List.of("消费需求不足", "产业结构偏重"), r.problems().stream().map(Problem::title).toList());
    }

    @Test
    void thePlanBeforeTheFiveYearPlanSectionIsThePlanAndTheGoalsAreNot() {
        ParsedReport r = PARSER.parseText(HEAD + """
                一、2025年工作回顾
                过去一年，全市新增城镇就业三万人。
                二、2026年重点工作
                （一）扩大有效需求。实施重点项目五十个。
                （二）发展新兴产业。建设创新平台五个。
                三、“十五五”时期主要目标任务
                （一）努力在科技创新上取得新突破。
                （二）努力在绿色转型上取得新进展。
                （三）努力在民生改善上取得新成效。
                """);
        assertEquals(List.of("扩大有效需求", "发展新兴产业"), titles(r.plan()));
        assertEquals(2026, r.planYear());
    }

    @Test
    void aPlanInSeveralNumberedPartsUnderAnUnnumberedHeadingKeepsEachPartAsATheme() {
        ParsedReport r = PARSER.parseText("""
                关于某某区司法局2025年法治政府建设情况的报告
                区委、区政府：
                2025年，我局认真贯彻落实上级部署，法治政府建设取得新成效。
                一、主要工作成效
                （一）行政执法更加规范。全年评查案卷一百件。
                （二）公共法律服务更加便民。办理法律援助案件三百件。
                二、存在问题
                一是执法人员专业能力不足；二是基层法治力量薄弱。
                下一步工作打算
                一、深化依法行政
                （一）完善重大决策合法性审查机制。
                （二）加强规范性文件备案审查。
                二、加强执法监督
                （一）开展行政执法案卷评查。
                （二）推行行政执法质效评估。
                """);
        assertEquals(List.of("深化依法行政", "加强执法监督"), titles(r.plan()));
        assertEquals(4, r.planLeaves().size());
        assertEquals("开展行政执法案卷评查", r.planLeaves().get(2).title());
        assertEquals(Genre.RULE_OF_LAW_REPORT, r.genre());
    }

    @Test
    void paragraphsOpenedByRunInHeadsAreThePlanItems() {
        ParsedReport r = PARSER.parseText("""
                关于某某街道2025年法治政府建设情况的报告
                2025年，某某街道办事处坚持依法行政，各项工作稳步推进。
                一、主要工作成效
                （一）依法决策机制更加健全。全年审查合同二十份。
                （二）矛盾纠纷化解更加有效。调解纠纷一百件。
                二、2026年工作计划
                强化法治督察。对重点领域开展专项督察，推动问题整改。
                深化普法宣传。开展法治宣传进社区活动二十场。
                优化法律服务。推进社区法律顾问全覆盖。
                """);
        assertEquals(List.of("强化法治督察", "深化普法宣传", "优化法律服务"), titles(r.planLeaves()));
    }

    @Test
    void enumerationsOfEveryStyleAreTheSubItemsOfAPlanItem() {
        ParsedReport r = PARSER.parseText(UP_TO_PLAN + """
                （一）深化改革。一要推进国企改革；二要完善要素市场。
                （二）扩大开放。
                1.建设开放平台。
                2.稳定外贸外资。
                （三）发展产业。（1）壮大先进制造业；（2）发展现代服务业。
                （四）保障民生。①稳定就业；②完善社保。
                （五）防范风险。其一，化解债务风险；其二，守牢安全底线。
                """);
        assertEquals(5, r.plan().size(), titles(r.plan()).toString());
        assertEquals(List.of("推进国企改革", "完善要素市场", "建设开放平台", "稳定外贸外资", "壮大先进制造业",
                "发展现代服务业", "稳定就业", "完善社保", "化解债务风险", "守牢安全底线"), titles(r.planLeaves()));
    }

    @Test
    void appendicesGlossariesAndListsAfterTheSpeechAreKeptApartAndFootnoteMarkersLeaveTitles() {
        ParsedReport r = PARSER.parseText(UP_TO_PLAN + """
                （一）推进数字政府建设［1］。建设一网通办平台。
                （二）办好民生实事。新增托位一千个。
                各位代表！让我们更加紧密地团结起来，奋力开创新局面！
                2026年市级民生实事项目
                一、新建幼儿园十所
                二、改造老旧小区五十个
                附件
                名词解释
                1.一网通办：政务服务一个网站办理。
                2.民生实事：每年确定的惠民项目。
                """);
        assertEquals(List.of("推进数字政府建设", "办好民生实事"), titles(r.plan()));
        assertFalse(r.plan().get(1).text().contains("幼儿园"), "the list after the speech is not in the plan");
        ParseWarning note = r.warnings().stream().filter(w -> w.code().equals("NOTE_MARKER_KEPT")).findFirst().orElseThrow();
        assertEquals("［1］", r.text().substring(note.span().start(), note.span().end()));
        assertTrue(r.plan().get(0).text().contains("［1］"), "the marker stays in the text as the note's anchor");
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("APPENDIX_KEPT_APART")));
    }

    @Test
    void aGlossaryAfterAnAttachmentLineIsNotPartOfThePlan() {
        ParsedReport r = PARSER.parseText(UP_TO_PLAN + """
                （一）推进数字政府建设。建设一网通办平台。
                （二）办好民生实事。新增托位一千个。
                附件：名词解释
                1.一网通办：政务服务一个网站办理。
                2.民生实事：每年确定的惠民项目。
                """);
        assertEquals(2, r.planLeaves().size(), titles(r.planLeaves()).toString());
    }

    private static List<String> titles(List<PlanItem> items) {
        return items.stream().map(PlanItem::title).toList();
    }
}
