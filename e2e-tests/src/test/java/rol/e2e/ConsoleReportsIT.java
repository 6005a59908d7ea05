package rol.e2e;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * The console's 报告 and 待交办 pages in Chromium: the office uploads a fixture report, checks an item against the
 * source both ways, corrects it (and meets a version conflict), publishes and dispatches a suggested task; leaders
 * read without buttons; report text with markup stays text.
 */
@ExtendWith(RunningSystem.class)
class ConsoleReportsIT {

    private static final Path FIXTURE = TestStack.root().resolveSibling("shared").resolve("fixtures").resolve("reports")
            .resolve("licheng-justice-bureau-2024.txt");

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

    /**
     * The fixture with a unique run of spaces after its rule line, so it is a new report even where the suite
     * published the fixture itself (the parser reads both alike, the content hash differs).
     */
    private static Path uniqueCopy() throws IOException {
        String text = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        int spaces = 1 + (int) (System.nanoTime() % 5000);
        Path copy = Files.createTempDirectory("report").resolve(FIXTURE.getFileName());
        Files.writeString(copy, text.replaceFirst("\n---\n", "\n---" + " ".repeat(spaces) + "\n"), StandardCharsets.UTF_8);
        return copy;
    }

    private static JsonPath detail(String id) {
        return as(report(), "office1").get("/api/reports/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String spanText(String id, String path) {
        String source = as(report(), "office1").get("/api/reports/" + id + "/source").then().statusCode(200).extract().asString();
        JsonPath d = detail(id);
        return source.substring(d.getInt(path + ".span.start"), d.getInt(path + ".span.end"));
    }

    private static int leaves(List<Map<String, Object>> items) {
        int n = 0;
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> children = (List<Map<String, Object>>) item.get("children");
            n += children == null || children.isEmpty() ? 1 : leaves(children);
        }
        return n;
    }

    /** Selects [start, end) of the source text as a mouse would, then releases the button. */
    private static void selectInSource(Page page, int start, int end) {
        page.evaluate("""
                ([start, end]) => {
                  const pre = document.querySelector('[data-test=report-source]');
                  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
                  const range = document.createRange();
                  let seen = 0, node;
                  while ((node = walker.nextNode())) {
                    const len = node.textContent.length;
                    if (seen <= start && start <= seen + len) range.setStart(node, start - seen);
                    if (seen <= end && end <= seen + len) { range.setEnd(node, end - seen); break; }
                    seen += len;
                  }
                  const sel = window.getSelection();
                  sel.removeAllRanges();
                  sel.addRange(range);
                  pre.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
                }""", List.of(start, end));
    }

    @Test
    void theOfficeUploadsCorrectsPublishesAndDispatches() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FIXTURE), "skipped: the fixture reports (../shared/fixtures/reports) are not beside the project");
        Page page = browser.signIn("office1", "/reports");
        assertThat(page.locator("h1")).hasText("报告");
        page.locator("[data-test=report-upload] input[type=file]").setInputFiles(uniqueCopy());
        page.waitForURL(url -> url.matches(".*/reports/[0-9a-f-]{36}(\\?.*)?$"));
        String id = page.url().replaceAll(".*/reports/([0-9a-f-]{36}).*", "$1");
        assertThat(page.locator("[data-test=report-title]")).hasText("泉州市鲤城区司法局关于2024年度法治政府建设情况的报告");
        // the fixture's warnings, in words: markdown removed, sentences joined across page breaks
        assertThat(page.locator("[data-test=warnings]")).containsText("已去掉 Markdown 标记");
        assertThat(page.locator("[data-test=warnings]")).containsText("被分页或换行断开的句子已接上");

        // tree → source: the item's span is marked
        page.locator("[data-test=node-problem-1]").click();
        assertThat(page.locator("[data-test=highlight]")).hasText(spanText(id, "problems[0]"));
        ConsoleBrowser.screenshot(page, "office1-report");

        // source → tree: a few words inside the second plan item select it
        JsonPath d = detail(id);
        int start = d.getInt("plan[1].span.start") + 2;
        selectInSource(page, start, start + 4);
        assertThat(page.locator(".el-tree-node.is-current > .el-tree-node__content [data-test=node-plan-2]")).hasCount(1);
        assertThat(page.locator("[data-test=highlight]")).hasText(spanText(id, "plan[1]"));

        // correct the first problem's title
        page.locator("[data-test=node-problem-1]").click();
        page.locator("input[data-test=item-title]").fill("普法宣传形式有待创新");
        page.locator("[data-test=item-save]").click();
        assertThat(page.locator("[data-test=notice]")).hasText("已保存");
        assertThat(page.locator("[data-test=node-problem-1]")).hasText("普法宣传形式有待创新");
        assertEquals("普法宣传形式有待创新", detail(id).getString("problems[0].title"));

        // someone else corrects the report meanwhile: the page's version is old, the 412 is explained with a reload
        as(report(), "office1").header("If-Match", "\"" + detail(id).getInt("version") + "\"").contentType("application/json")
                .body(Map.of("docNumber", "泉鲤司〔2025〕9号")).patch("/api/reports/" + id).then().statusCode(200);
        page.locator("input[data-test=item-title]").fill("普法宣传形式单一");
        page.locator("[data-test=item-save]").click();
        assertThat(page.locator("[data-test=conflict]")).containsText("已被他人修改");
        ConsoleBrowser.screenshot(page, "office1-report-conflict");
        page.locator("[data-test=reload]").click();
        assertThat(page.locator("[data-test=conflict]")).hasCount(0);
        assertThat(page.locator("[data-test=report-meta]")).containsText("泉鲤司〔2025〕9号");
        assertEquals("普法宣传形式有待创新", detail(id).getString("problems[0].title"), "the refused change was not stored");

        page.locator("[data-test=publish]").click();
        page.locator(".el-popconfirm button", new Page.LocatorOptions().setHasText("确定")).click();
        assertThat(page.locator("[data-test=report-status]")).hasText("已发布");
        List<Map<String, Object>> plan = detail(id).getList("plan");
        int expected = leaves(plan);
        Tasks.awaitTasks(id, expected, System.nanoTime());

        page.locator("[data-test=to-dispatch]").click();
        assertThat(page.locator("[data-test=dispatch-total]")).hasText("共 " + expected + " 项待交办");
        ConsoleBrowser.screenshot(page, "office1-dispatch");
        JsonPath drafts = as(task(), "office1").queryParam("reportId", id).queryParam("state", "DRAFT").queryParam("sort", "createdAt")
                .queryParam("size", 100).get("/api/tasks").then().statusCode(200).extract().jsonPath();
        String first = drafts.getString("items[0].id");
        String lead = drafts.getString("items[0].suggestion.leadDepartment");
        assertNotNull(lead, "registration suggested a lead for the fixture's first task");
        assertThat(page.locator("[data-test=lead-reason]").first()).not().isEmpty();
        page.locator("[data-test=dispatch][data-task='" + first + "']").click();
        assertThat(page.locator("[data-test=dispatch-notice]")).containsText("已交办");
        assertThat(page.locator("[data-test=dispatch-total]")).hasText("共 " + (expected - 1) + " 项待交办");
        as(task(), "office1").get("/api/tasks/" + first).then().statusCode(200)
                .body("state", equalTo("DISPATCHED")).body("leadDepartment", equalTo(lead))
                .body("deadline", equalTo(drafts.getString("items[0].suggestion.deadline")));

        // the dispatched task links its sentence back to the report page, which marks it
        page.navigate(ConsoleBrowser.console() + "/tasks/" + first);
        page.locator("[data-test=source-link]").click();
        page.waitForURL(url -> url.contains("/reports/" + id + "?item="));
        assertThat(page.locator("[data-test=highlight]")).not().isEmpty();

        page.navigate(ConsoleBrowser.console() + "/reports");
        assertThat(page.locator("[data-test=report-list]")).containsText("泉州市鲤城区司法局关于2024年度法治政府建设情况的报告");
        ConsoleBrowser.screenshot(page, "office1-reports");
        page.context().close();
    }

    @Test
    void leadersAndAuditorsReadReportsWithoutButtonsAndDepartmentsHaveNoReportPages() {
        String id = ReportCorrectionIT.receive();
        for (String user : List.of("leader1", "auditor1")) {
            Page page = browser.signIn(user, "/reports");
            assertThat(page.locator("[data-test=report-upload]")).hasCount(0);
            assertThat(page.locator("nav a", new Page.LocatorOptions().setHasText("待交办"))).hasCount(0);
            ConsoleBrowser.screenshot(page, user + "-reports");
            page.navigate(ConsoleBrowser.console() + "/reports/" + id + "?item=plan-2");
            assertThat(page.locator("[data-test=highlight]")).hasText(spanText(id, "plan[1]"));
            assertThat(page.locator("[data-test=publish]")).hasCount(0);
            assertThat(page.locator("[data-test=item-editor]")).hasCount(0);
            assertThat(page.locator("[data-test=edit-meta]")).hasCount(0);
            ConsoleBrowser.screenshot(page, user + "-report");
            page.context().close();
        }
        Page page = browser.signIn("judicial1", "/tasks");
        assertThat(page.locator("nav a", new Page.LocatorOptions().setHasText("报告"))).hasCount(0);
        page.navigate(ConsoleBrowser.console() + "/reports/" + id);
        assertThat(page.locator("[data-test=not-available]")).isVisible();
        ConsoleBrowser.screenshot(page, "judicial1-report-refused");
        page.context().close();
    }

    @Test
    void markupInAReportIsShownAsText() {
        String text = ReportCorrectionIT.text().replace("出台规范性文件 3 件。",
                "出台规范性文件 3 件，网页上误贴的<script>window.xssRan=1</script>和<img src=x onerror=\"window.xssRan=2\">已删除。");
        String id = as(report(), "office1").contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/reports").then().statusCode(201).extract().path("id");
        Page page = browser.signIn("office1", "/reports/" + id);
        assertThat(page.locator("[data-test=report-source]")).containsText("<script>window.xssRan=1</script>");
        assertThat(page.locator("[data-test=report-source]")).containsText("<img src=x onerror=\"window.xssRan=2\">");
        page.locator("[data-test='node-achievement-1.2']").click();
        assertThat(page.locator("[data-test=highlight]")).containsText("<script>");
        assertThat(page.locator("[data-test=report-source] script, [data-test=report-source] img, [data-test=report-tree] img")).hasCount(0);
        assertNull(page.evaluate("window.xssRan"), "no script of the report ran");
        ConsoleBrowser.screenshot(page, "office1-report-markup");
        page.context().close();
    }

    @Test
    void aRefusedUploadIsExplainedInWords() throws IOException {
        Page page = browser.signIn("office1", "/reports");
        Path png = Files.createTempDirectory("upload").resolve("photo.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        page.locator("[data-test=report-upload] input[type=file]").setInputFiles(png);
        assertThat(page.locator("[data-test=upload-refusal]")).containsText("不是能读取的报告文件");
        ConsoleBrowser.screenshot(page, "office1-upload-refused");
        page.context().close();
    }
}
