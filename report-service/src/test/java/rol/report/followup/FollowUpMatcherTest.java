package rol.report.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import rol.report.parse.ParsedReport;
import rol.report.parse.ReportParser;

/** The matcher on small synthetic reports, without ../shared. */
class FollowUpMatcherTest {

    private static final ReportParser PARSER = new ReportParser();

    @Test
    void anIssuerIsTheSameInFullOrShortAndInEitherScript() {
        assertTrue(FollowUpMatcher.sameIssuer("鯉城區司法局", "泉州市鲤城区司法局"));
        assertTrue(FollowUpMatcher.sameIssuer("泉州市鲤城区司法局", "鲤城区 司法局"));
        assertFalse(FollowUpMatcher.sameIssuer("鲤城区司法局", "丰泽区司法局"));
        // reports are compared within one district, where 区司法局 is the district's own bureau
        assertTrue(FollowUpMatcher.sameIssuer("区司法局", "泉州市鲤城区司法局"));
        assertFalse(FollowUpMatcher.sameIssuer("区司法局", "鲤城区市场监管局"));
        assertFalse(FollowUpMatcher.sameIssuer(null, "鲤城区司法局"));
    }

    @Test
    void aPlanItemTheAchievementsDoNotTouchIsNotMentionedAndHasNoEvidence() {
        ParsedReport earlier = PARSER.parseText("""
                某区审计局关于2023年度法治政府建设情况的报告
                一、2023年度工作成效
                （一）强化统筹
                1.深入学习法治思想。开展专题学习 4 次。
                二、存在问题
                一是普法宣传形式缺乏创新；二是审计档案数字化水平不够。
                三、2024年工作思路
                一是建设行政复议信息化办案系统，实现案件全程可溯。二是开展古籍修复志愿服务。
                """);
        ParsedReport later = PARSER.parseText("""
                某区审计局关于2024年度法治政府建设情况的报告
                一、2024年度工作成效
                （一）依法行政
                1.行政复议信息化办案系统上线。建成行政复议信息化办案系统，案件全程可溯，办理复议案件 111 件。
                2.执法监督。评查执法案卷 315 件。
                二、存在问题
                一是普法宣传形式单一，缺乏创新；二是执法人员轮训不足。
                三、2025年工作思路
                一是深化执法监督。
                """);
        List<PlanItemFollowUp> result = new FollowUpMatcher().planFollowUp(ReportParts.of("a", earlier),
                ReportParts.of("b", later));
        assertEquals(List.of(Verdict.REPORTED_DONE, Verdict.NOT_MENTIONED),
                result.stream().map(PlanItemFollowUp::verdict).toList());
        assertEquals("achievement-1.1", result.get(0).evidence().get(0).achievementId());
        assertTrue(result.get(1).evidence().isEmpty());

        List<RecurringProblem> recurring = new FollowUpMatcher().recurringProblems(ReportParts.of("b", later),
                List.of(ReportParts.of("a", earlier)));
        assertEquals(List.of("problem-1"), recurring.stream().map(RecurringProblem::problemId).toList());
        assertEquals(List.of(2023, 2024), recurring.get(0).years());
        assertEquals("a", recurring.get(0).earlier().get(0).reportId());
    }

    @Test
    void aProblemIsComparedByItsStatementsOfShortcomingNotByTheScene() {
        Passage problem = Passage.of("problem-1", "行政复议工作有待加强",
                "办理行政复议、行政诉讼案件过程中，通过调解实现实质性化解的案例还不够", null);
        // the frame "…过程中" is left out; the heading and the clause that falls short stay
        assertEquals(List.of("行政复议工作有待加强", "通过调解实现实质性化解的案例还不够"),
                Shortcomings.of(problem).stream().map(Passage::title).toList());
        assertTrue(Shortcomings.isFrame("开展宣传活动时"));
        assertTrue(Shortcomings.isFrame("從國內看"));
        assertFalse(Shortcomings.isFrame("群众参与积极性较弱"));
    }

    @Test
    void theSameFieldWithAnotherShortcomingIsNoRecurrenceTheSameSubjectIs() {
        ParsedReport earlier = PARSER.parseText("""
                某区司法局关于2023年度法治政府建设情况的报告
                一、2023年度工作成效
                （一）依法行政
                1.复议办案。办理行政复议案件 80 件。
                二、存在问题
                一是行政争议实质性化解工作有待加强。办理行政复议、行政诉讼案件过程中，通过调解、和解实现化解的案例还不够；二是普法宣传载体方法应用不够全面。
                三、2024年工作思路
                一是深化复议调解。
                """);
        ParsedReport later = PARSER.parseText("""
                某区司法局关于2024年度法治政府建设情况的报告
                一、2024年度工作成效
                （一）依法行政
                1.复议办案。办理行政复议案件 111 件。
                二、存在问题
                一是行政复议案件审理信息化水平不够。审理案件方式较为单一；二是普法宣传形式缺乏创新。
                三、2025年工作思路
                一是建设复议办案系统。
                """);
        List<RecurringProblem> recurring = new FollowUpMatcher().recurringProblems(ReportParts.of("b", later),
                List.of(ReportParts.of("a", earlier)));
        assertEquals(List.of("problem-2"), recurring.stream().map(RecurringProblem::problemId).toList());
        assertEquals(List.of("problem-2"), recurring.get(0).earlier().stream()
                .map(RecurringProblem.EarlierProblem::problemId).toList());
    }
}
