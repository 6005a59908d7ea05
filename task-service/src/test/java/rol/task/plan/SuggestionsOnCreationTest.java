package rol.task.plan;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.report.ReportPublishedV1.PlanItem;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Draft tasks carry suggested owners and deadline from the directory and the item's text, each with its reason. */
@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class SuggestionsOnCreationTest {

    @Test
    void eachDraftTaskCarriesSuggestionsWithReasons() {
        String reportId = UUID.randomUUID().toString();
        // next year's plan: every date it names is still ahead
        int plan = LocalDate.now().getYear() + 1;
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "报告", plan - 1, plan, List.of(
                new PlanItem("named", null, null, "由区司法局牵头，联合区检察院开展行政执法监督专项行动，6月底前完成。", true, null),
                new PlanItem("keyword", null, null, "健全公共法律服务体系，三季度完成。", true, null),
                new PlanItem("issuer", null, null, "抓好各项重点工作落实。", true, null)), List.of()));

        given().queryParam("reportId", reportId).queryParam("sort", "createdAt").get("/api/tasks").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.planItemId == 'named' }.suggestion.leadDepartment", equalTo("judicial-bureau"))
                .body("items.find { it.planItemId == 'named' }.suggestion.coDepartments", contains("procuratorate"))
                .body("items.find { it.planItemId == 'named' }.suggestion.deadline", equalTo(plan + "-06-30"))
                .body("items.find { it.planItemId == 'named' }.suggestion.reasons.leadDepartment.rule", equalTo("NAMED_AS_LEAD"))
                .body("items.find { it.planItemId == 'named' }.suggestion.reasons.leadDepartment.text", containsString("牵头"))
                .body("items.find { it.planItemId == 'named' }.suggestion.reasons.coDepartments.procuratorate.rule", equalTo("NAMED_AS_CO"))
                .body("items.find { it.planItemId == 'named' }.suggestion.reasons.deadline.rule", equalTo("MONTH_END"))
                .body("items.find { it.planItemId == 'keyword' }.suggestion.leadDepartment", equalTo("judicial-bureau"))
                .body("items.find { it.planItemId == 'keyword' }.suggestion.reasons.leadDepartment.rule", equalTo("KEYWORD"))
                .body("items.find { it.planItemId == 'keyword' }.suggestion.deadline", equalTo(plan + "-09-30"))
                .body("items.find { it.planItemId == 'issuer' }.suggestion.leadDepartment", equalTo("judicial-bureau"))
                .body("items.find { it.planItemId == 'issuer' }.suggestion.reasons.leadDepartment.rule", equalTo("ISSUER"))
                .body("items.find { it.planItemId == 'issuer' }.suggestion.reasons.leadDepartment.words", equalTo("泉州市鲤城区司法局"))
                .body("items.find { it.planItemId == 'issuer' }.suggestion.deadline", equalTo(plan + "-12-31"))
                .body("items.find { it.planItemId == 'issuer' }.suggestion.reasons.deadline.rule", equalTo("PLAN_YEAR_END"))
                // suggestions are not owners: a draft is nobody's until dispatched
                .body("items.find { it.planItemId == 'issuer' }.leadDepartment", nullValue())
                .body("items.find { it.planItemId == 'issuer' }.state", equalTo("DRAFT"));
    }

    @Test
    void aPlanWhoseTimeHasPassedIsSuggestedTheEndOfThisYear() {
        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "报告", 2023, 2024, List.of(
                new PlanItem("dated", null, null, "健全公共法律服务体系，三季度完成。", true, null),
                new PlanItem("undated", null, null, "抓好各项重点工作落实。", true, null)), List.of()));

        String thisYearsEnd = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-12-31";
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.planItemId == 'dated' }.suggestion.deadline", equalTo(thisYearsEnd))
                .body("items.find { it.planItemId == 'dated' }.suggestion.reasons.deadline.rule", equalTo("PASSED"))
                .body("items.find { it.planItemId == 'dated' }.suggestion.reasons.deadline.words", equalTo("三季度"))
                .body("items.find { it.planItemId == 'dated' }.suggestion.reasons.deadline.text", equalTo("原定时限已过，按今年年底"))
                .body("items.find { it.planItemId == 'undated' }.suggestion.deadline", equalTo(thisYearsEnd))
                .body("items.find { it.planItemId == 'undated' }.suggestion.reasons.deadline.rule", equalTo("PASSED"));
    }
}
