package rol.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * The report page's corrections in the browser (merge, split, delete, add, metadata) with their history, and a
 * version conflict between two signed-in clerks.
 */
@ExtendWith(RunningSystem.class)
class ConsoleCorrectionsIT {

    static ConsoleBrowser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static JsonPath detail(String id) {
        return as(report(), "office1").get("/api/reports/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> planTitles(String id) {
        return detail(id).getList("plan.title", String.class);
    }

    /** The id of the top-level plan item titled {@code title} in the stored report. */
    private static String planId(String id, String title) {
        List<Map<String, Object>> plan = detail(id).getList("plan");
        return plan.stream().filter(p -> title.equals(p.get("title"))).map(p -> (String) p.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no plan item titled " + title + " in " + plan));
    }

    private static Locator node(Page page, String itemId) {
        return page.locator("[data-test=node-" + itemId + "]");
    }

    /** Presses 确定 in the popconfirm that is open (earlier ones stay in the page, hidden). */
    private static void confirm(Page page) {
        page.locator(".el-popconfirm button:visible", new Page.LocatorOptions().setHasText("确定")).click();
    }

    private static void saved(Page page) {
        assertThat(page.locator("[data-test=notice]")).hasText("已保存");
    }

    @Test
    void theOfficeCorrectsAReportInTheBrowserAndItsHistoryListsEachCorrection() {
        String id = ReportCorrectionIT.receive();
        List<String> original = planTitles(id);
        assertEquals(3, original.size(), "the synthetic report's three plan items: " + original);
        Page page = browser.signIn("office1", "/reports/" + id);
        assertThat(node(page, "plan-3")).isVisible();
        ConsoleBrowser.screenshot(page, "office1-corrections-start");

        // merge: tick the second and third plan items in the tree, name the merged one
        for (String item : List.of("plan-2", "plan-3")) {
            page.locator(".el-tree-node__content", new Page.LocatorOptions().setHas(node(page, item)))
                    .locator(".el-checkbox").click();
        }
        page.getByLabel("合并后的标题").fill("建设复议系统并加强普法宣传");
        page.locator("[data-test=merge] button").click();
        saved(page);
        assertEquals(List.of(original.get(0), "建设复议系统并加强普法宣传"), planTitles(id));
        ConsoleBrowser.screenshot(page, "office1-corrections-merged");

        // split the first plan item into two
        node(page, planId(id, original.get(0))).click();
        page.locator("[data-test=item-editor] button", new Page.LocatorOptions().setHasText("拆分")).click();
        Locator parts = page.locator("[data-test=split-form] .split-part");
        assertThat(parts).hasCount(2);
        parts.nth(0).locator("input").fill("开展执法监督检查");
        parts.nth(0).locator("textarea").fill("开展行政执法监督专项检查。");
        parts.nth(1).locator("input").fill("推进执法案卷评查");
        parts.nth(1).locator("textarea").fill("推进行政执法案卷评查。");
        ConsoleBrowser.screenshot(page, "office1-corrections-split-form");
        page.locator("[data-test=split-form] button", new Page.LocatorOptions().setHasText("保存")).click();
        saved(page);
        assertEquals(List.of("开展执法监督检查", "推进执法案卷评查", "建设复议系统并加强普法宣传"), planTitles(id));

        // delete the merged item
        node(page, planId(id, "建设复议系统并加强普法宣传")).click();
        page.locator("[data-test=item-delete]").click();
        confirm(page);
        saved(page);
        assertEquals(List.of("开展执法监督检查", "推进执法案卷评查"), planTitles(id));

        // add one right after the first item
        node(page, planId(id, "开展执法监督检查")).click();
        page.locator("[data-test=item-editor] button", new Page.LocatorOptions().setHasText("新增一项")).click();
        page.locator("[data-test=add-form] input").fill("建设行政复议信息系统");
        page.locator("[data-test=add-form] textarea").fill("建成行政复议案件网上办理系统。");
        page.locator("[data-test=add-form] button[type=submit]").click();
        saved(page);
        assertEquals(List.of("开展执法监督检查", "建设行政复议信息系统", "推进执法案卷评查"), planTitles(id));
        assertThat(node(page, planId(id, "建设行政复议信息系统"))).hasText("建设行政复议信息系统");

        // metadata: issuer, report year, document number
        page.locator("[data-test=edit-meta]").click();
        page.locator("input[data-test=meta-issuer]").fill("某某区市场监督管理局");
        page.locator("input[data-test=meta-docNumber]").fill("某市监〔2025〕3号");
        Locator year = page.locator("[data-test=meta-form] .el-form-item", new Page.LocatorOptions().setHasText("报告年度"))
                .locator("input");
        year.fill("2023");
        year.press("Tab");
        ConsoleBrowser.screenshot(page, "office1-corrections-meta-form");
        page.locator("[data-test=meta-save]").click();
        saved(page);
        assertThat(page.locator("[data-test=report-meta]")).containsText("某市监〔2025〕3号");
        assertThat(page.locator("[data-test=report-meta]")).containsText("某某区市场监督管理局");

        // what the service stored: the corrected plan and metadata, and its history in the order of the clicks
        JsonPath stored = detail(id);
        assertEquals(List.of("开展执法监督检查", "建设行政复议信息系统", "推进执法案卷评查"), stored.getList("plan.title"));
        assertEquals(List.of("开展行政执法监督专项检查。", "建成行政复议案件网上办理系统。", "推进行政执法案卷评查。"),
                stored.getList("plan.text"));
        assertEquals("某某区市场监督管理局", stored.getString("issuer"));
        assertEquals("某市监〔2025〕3号", stored.getString("docNumber"));
        assertEquals(2023, stored.getInt("reportYear"));
        List<String> actions = List.of("merge", "split", "delete", "add", "metadata");
        as(report(), "office1").get("/api/reports/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(actions)).body("items.actor", equalTo(List.of(
                        "office1", "office1", "office1", "office1", "office1")));

        // the page's 纠正记录 tab lists the same, oldest first, in words
        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("纠正记录")).click();
        Locator rows = page.locator("[data-test=report-history] .el-table__body tr");
        assertThat(rows).hasCount(actions.size());
        List<String> words = List.of("合并条目", "拆分条目", "删除条目", "新增条目", "修改报告信息");
        for (int i = 0; i < words.size(); i++) {
            assertThat(rows.nth(i).locator("td").nth(2)).hasText(words.get(i));
            assertThat(rows.nth(i).locator("td").nth(1)).hasText("office1");
        }
        ConsoleBrowser.screenshot(page, "office1-corrections-history");
        page.context().close();
    }

    @Test
    void aSecondClerksCorrectionMakesTheFirstSaveExplainTheConflictAndReload() {
        String id = ReportCorrectionIT.receive();
        String title = detail(id).getString("plan[0].title");
        Page first = browser.signIn("office1", "/reports/" + id);
        node(first, "plan-1").click();
        first.locator("input[data-test=item-title]").fill("深化行政执法协调监督");

        // meanwhile a second clerk, in a browser of her own, corrects the signatory of the same report
        Page second = browser.signIn("office2", "/reports/" + id);
        second.locator("[data-test=edit-meta]").click();
        second.locator("input[data-test=meta-signatory]").fill("李四");
        second.locator("[data-test=meta-save]").click();
        assertThat(second.locator("[data-test=notice]")).hasText("已保存");
        assertEquals("李四", detail(id).getString("signatory"));

        // the first clerk's save was made on the older version: refused (412) and explained, with the way forward
        first.locator("[data-test=item-save]").click();
        assertThat(first.locator("[data-test=conflict]"))
                .containsText("这份报告已被他人修改（您看到的不是最新版本），您的修改没有保存。请重新加载后再改。");
        assertThat(first.locator("[data-test=notice]")).hasCount(0);
        ConsoleBrowser.screenshot(first, "office1-corrections-conflict");
        assertEquals(title, detail(id).getString("plan[0].title"), "the refused change was not stored");

        first.locator("[data-test=reload]").click();
        assertThat(first.locator("[data-test=conflict]")).hasCount(0);
        assertThat(first.locator("[data-test=report-meta]")).containsText("李四");
        // after the reload the same correction goes through on the new version
        node(first, "plan-1").click();
        first.locator("input[data-test=item-title]").fill("深化行政执法协调监督");
        first.locator("[data-test=item-save]").click();
        saved(first);
        assertEquals("深化行政执法协调监督", detail(id).getString("plan[0].title"));
        assertEquals("李四", detail(id).getString("signatory"), "the second clerk's correction stays");
        ConsoleBrowser.screenshot(first, "office1-corrections-after-reload");
        first.context().close();
        second.context().close();
    }
}
