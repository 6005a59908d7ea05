package rol.e2e;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * Did last year's plan happen (issue 17), through the running system: publishing 鲤城区司法局's 2024 report after its
 * 2023 report shows the verdicts on the 2023 plan's tasks in task-service within seconds; the office confirms one in
 * report-service and notification-service's rollup of that work plan counts it as reported done. In the browser, the
 * 整改 page of the 2023 report tags the problem the 2024 report names again.
 */
@ExtendWith(RunningSystem.class)
class PlanFollowUpIT {

    private static String received(String name) throws IOException {
        Path file = TestStack.root().resolveSibling("shared").resolve("fixtures").resolve("reports").resolve(name);
        assumeTrue(Files.exists(file), "skipped: ../shared/fixtures/reports/" + name + " is absent beside this clone");
        byte[] bytes = Files.readAllBytes(file);
        JsonPath r = as(report(), "office1").multiPart("file", name, bytes).post("/api/reports")
                .then().statusCode(anyOf(equalTo(201), equalTo(200))).extract().jsonPath();
        // another test of this run may have published it already: the same text is the same report
        if (!"PUBLISHED".equals(r.getString("status"))) {
            as(report(), "office1").post("/api/reports/" + r.getString("id") + "/publish").then().statusCode(200);
        }
        return r.getString("id");
    }

    @Test
    void publishingTheNextReportShowsTheVerdictsOnTheEarlierTasksAndAConfirmedOneCountsInTheRollup()
            throws IOException {
        String earlier = received("licheng-justice-bureau-2023-traditional.txt");
        String later = received("licheng-justice-bureau-2024.txt");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(task(), "office1").queryParam("reportId", earlier).queryParam("size", 100).get("/api/tasks")
                        .then().statusCode(200).body("total", equalTo(6))
                        .body("items.followUp", everyItem(notNullValue()))
                        .body("items.followUp.laterReportId", everyItem(equalTo(later)))
                        .body("items.followUp.verdict", hasItem("REPORTED_DONE")));
        JsonPath tasks = as(task(), "office1").queryParam("reportId", earlier).queryParam("size", 100)
                .get("/api/tasks").then().extract().jsonPath();
        List<Map<String, Object>> items = tasks.getList("items");
        Map<String, Object> done = items.stream()
                .filter(t -> "REPORTED_DONE".equals(((Map<?, ?>) t.get("followUp")).get("verdict"))).findFirst()
                .orElseThrow();

        as(report(), "office1").contentType("application/json").body(Map.of("decision", "CONFIRMED"))
                .post("/api/reports/" + earlier + "/follow-up/" + done.get("planItemId") + "/decision")
                .then().statusCode(200).body("decision", equalTo("CONFIRMED"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(notification(), "leader1").queryParam("scope", "plan").queryParam("id", done.get("workPlanId"))
                        .get("/api/rollups").then().statusCode(200)
                        .body("items[0].reportedDone", greaterThanOrEqualTo(1)));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(task(), "office1").get("/api/tasks/" + done.get("id")).then().statusCode(200)
                        .body("followUp.decision", equalTo("CONFIRMED")));
    }

    /**
     * 2024's 普法宣传形式缺乏创新 names 2023's 普法宣传载体方法应用不够全面 again (LichengFollowUpTest's annotation): on the
     * 2023 report's 整改 page that problem is tagged 再次出现（2024年报告）, its status says so, and 只看反复出现 lists it alone.
     */
    @Test
    void theRectificationPageTagsTheProblemTheNextReportNamesAgain() throws IOException {
        String earlier = received("licheng-justice-bureau-2023-traditional.txt");
        received("licheng-justice-bureau-2024.txt");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                as(task(), "office1").queryParam("reportId", earlier).get("/api/problems").then().statusCode(200)
                        .body("items.findAll { it.recurrence != null && it.recurrence.recurredIn.size() > 0 }.size()",
                                equalTo(1)));
        int problems = as(task(), "office1").queryParam("reportId", earlier).get("/api/problems").then()
                .extract().jsonPath().getList("items").size();

        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            Page page = browser.signIn("office1", "/rectification?report=" + earlier);
            assertThat(page.locator("[data-test=rect-problem]")).hasCount(problems);
            assertThat(page.locator("[data-test=rect-recurred-in]")).hasCount(1);
            assertThat(page.locator("[data-test=rect-recurred-in]")).hasText("再次出现（2024年报告）");
            assertThat(page.locator("[data-test=rect-recurring]")).hasText("1 项反复出现");
            assertEquals(1, page.locator("[data-test=rect-status]").allInnerTexts().stream()
                    .filter("再次出现"::equals).count(), "one problem's status says it recurred");
            ConsoleBrowser.screenshot(page, "office1-rectification-recurring");

            page.locator("[data-test=rect-only-recurring]").click();
            assertThat(page.locator("[data-test=rect-problem]")).hasCount(1);
            assertThat(page.locator("[data-test=rect-problem]")).containsText("普法");
        }
    }
}
