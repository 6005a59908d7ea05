package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A small synthetic 政府工作报告: review, a problems passage without a heading, and a (一)…(十) next-year part. */
class GovernmentWorkReportTest {

    private static final String REPORT = """
            2025年某某区政府工作报告

            ——2025年1月10日在某某区第一届人民代表大会第五次会议上

            各位代表：

            现在，我代表区人民政府，向大会报告工作，请予审议。

            一、2024年工作回顾

            过去一年，全区上下攻坚克难，经济社会发展取得新成效。

            （一）坚持项目带动，经济运行稳中向好。全年完成固定资产投资 125.6 亿元，新增市场主体 3200 户。

            （二）坚持改革创新，营商环境持续优化。办理“一件事”集成服务 4.2 万件，群众满意率 99.1%。

            （三）坚持民生优先，群众获得感不断增强。新增城镇就业 5600 人，新改扩建学校 6 所。

            在肯定成绩的同时，我们也清醒认识到，发展中还存在一些困难和问题：经济持续回升向好的基础还不稳固；财政收支平衡压力较大；教育、医疗等民生领域仍有短板。对此，我们将采取有力措施，认真加以解决。

            二、2025年工作安排

            今年经济社会发展的主要预期目标是：地区生产总值增长 6% 左右。重点抓好以下十个方面工作：

            （一）扩大有效投资。实施重点项目 120 个。
            （二）培育新质生产力。建设创新平台 5 个。
            （三）深化改革开放。推进国资国企改革。
            （四）推进乡村振兴。建设和美乡村 10 个。
            （五）提升城市品质。实施城市更新项目 30 个。
            （六）加强生态保护。完成造林绿化 2000 亩。
            （七）办好民生实事。新增托位 500 个。
            （八）发展社会事业。推进健康城区建设。
            （九）统筹发展和安全。开展安全生产治本攻坚。
            （十）加强政府建设。坚持依法行政。

            各位代表，让我们团结一心，奋力谱写新篇章！
            """;

    @Test
    void readsTheGenreTheProblemsPassageAndTheTenPlanItems() {
        ParsedReport r = new ReportParser().parseText(REPORT);
        assertEquals(Genre.GOVERNMENT_WORK_REPORT, r.genre());
        assertEquals(2024, r.reportYear());
        assertEquals(2025, r.planYear());
        assertEquals(List.of("各位代表"), r.recipients());
        assertEquals(3, r.achievements().size());
        assertTrue(r.achievements().get(0).metrics().stream().anyMatch(m -> m.value().equals("125.6") && m.unit().equals("亿元")));
        assertEquals(List.of("经济持续回升向好的基础还不稳固", "财政收支平衡压力较大", "教育、医疗等民生领域仍有短板"),
                r.problems().stream().map(Problem::title).toList());
        assertEquals(10, r.plan().size());
        assertEquals("扩大有效投资", r.plan().get(0).title());
        assertEquals("加强政府建设", r.plan().get(9).title());
        assertEquals("plan-10", r.plan().get(9).id());
        // spans point at the source text
        Problem p = r.problems().get(1);
        assertEquals(p.title(), r.text().substring(p.span().start(), p.span().end()));
    }
}
