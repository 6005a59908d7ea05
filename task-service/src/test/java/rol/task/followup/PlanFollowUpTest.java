package rol.task.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.PlanMatchDecidedV1;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.task.plan.PublishedReports;
import rol.task.plan.ReportEventsHandler;
import rol.task.lifecycle.TaskFixture;
import rol.testsupport.As;
import rol.testsupport.StackResource;

/** report.plan-followed-up.v1 and report.plan-match-decided.v1: each task of last year's plan shows its verdict. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class PlanFollowUpTest {

    private static final PlanItem PLATFORM = new PlanItem("plan-1", null, "增强政府法务平台运用质效",
            "增强“政府法务平台”运用质效。加强政府合同监督管理。", true, null);
    private static final PlanItem MEDIATION = new PlanItem("plan-2", null, "强化复议能调尽调",
            "强化复议“能调尽调”，推动行政争议实质性化解。", true, null);
    private static final String EVIDENCE_TEXT = "2.创新政府法务工作。建设“鲤城区政府法务工作平台”，全年共审查政府合同 25 份。";

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static String publish() {
        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "鯉城區司法局", "2023年法治政府建设情况报告",
                2023, 2024, List.of(PLATFORM, MEDIATION), List.of()));
        return reportId;
    }

    private static void followedUp(String reportId, String later, String verdictOfPlan1) {
        var evidence = new PlanFollowedUpV1.Evidence("achievement-2.2", "创新政府法务工作", EVIDENCE_TEXT,
                new ReportPublishedV1.Span(1135, 1354), 18.7);
        handle(PlanFollowedUpV1.TYPE, reportId, new PlanFollowedUpV1(reportId, later, "licheng", "鯉城區司法局", 2024,
                List.of(new PlanFollowedUpV1.Item("plan-1", verdictOfPlan1, 0.59, List.of(evidence)),
                        new PlanFollowedUpV1.Item("plan-2", "NOT_MENTIONED", 0.05, List.of()))));
    }

    private static void handle(String type, String key, Object data) {
        CloudEvent event = new CloudEvent(null, UUID.randomUUID().toString(), "/report-service", type, key,
                OffsetDateTime.now(), null, EventJson.tree(data));
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    private static String task(String reportId, String item) {
        return (String) TaskFixture.rows("select id::text from task where report_id = ?::uuid and plan_item_id = ?",
                reportId, item).get(0).get(0);
    }

    @Test
    void eachTaskShowsItsVerdictAndTheEvidenceAsAClosingNote() {
        String reportId = publish();
        String later = UUID.randomUUID().toString();
        As.office();
        given().get("/api/tasks/" + task(reportId, "plan-1")).then().statusCode(200).body("followUp", nullValue());

        followedUp(reportId, later, "REPORTED_DONE");
        followedUp(reportId, later, "REPORTED_DONE"); // a replay changes nothing
        given().get("/api/tasks/" + task(reportId, "plan-1")).then().statusCode(200)
                .body("followUp.verdict", equalTo("REPORTED_DONE"))
                .body("followUp.laterReportId", equalTo(later))
                .body("followUp.evidence[0].achievementId", equalTo("achievement-2.2"))
                .body("followUp.evidence[0].span.start", equalTo(1135))
                .body("followUp.suggestedClosingNote", equalTo(EVIDENCE_TEXT));
        given().get("/api/tasks/" + task(reportId, "plan-2")).then().statusCode(200)
                .body("followUp.verdict", equalTo("NOT_MENTIONED"))
                .body("followUp.suggestedClosingNote", nullValue());
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200)
                .body("items.find { it.planItemId == 'plan-1' }.followUp.verdict", equalTo("REPORTED_DONE"));
        As.leader();
        given().get("/api/tasks/" + task(reportId, "plan-1")).then().statusCode(200)
                .body("followUp.verdict", equalTo("REPORTED_DONE"));
    }

    @Test
    void aRejectedMatchOffersNoNoteAndAChangedVerdictAsksAgain() {
        String reportId = publish();
        String later = UUID.randomUUID().toString();
        followedUp(reportId, later, "REPORTED_DONE");
        handle(PlanMatchDecidedV1.TYPE, reportId, new PlanMatchDecidedV1(reportId, later, "licheng", "plan-1",
                "REPORTED_DONE", "REJECTED", "office1", "2025-03-01T09:00:00Z"));
        As.office();
        String plan1 = "/api/tasks/" + task(reportId, "plan-1");
        given().get(plan1).then().statusCode(200)
                .body("followUp.decision", equalTo("REJECTED")).body("followUp.decidedBy", equalTo("office1"))
                .body("followUp.suggestedClosingNote", nullValue());

        followedUp(reportId, later, "REPORTED_DONE");
        given().get(plan1).then().body("followUp.decision", equalTo("REJECTED"));
        followedUp(reportId, later, "PARTLY_MENTIONED");
        given().get(plan1).then().body("followUp.verdict", equalTo("PARTLY_MENTIONED"))
                .body("followUp.decision", nullValue());
    }
}
