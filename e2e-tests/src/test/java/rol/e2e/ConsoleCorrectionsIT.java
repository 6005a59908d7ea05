package rol.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * Console paths that were built but no browser drove: the report page's corrections (merge, split, delete, add,
 * metadata) with their history and a version conflict between two signed-in clerks; a service's field refusal shown
 * beside its field; a changed dispatch suggestion; and the replay of a dead letter to a repaired webhook.
 */
@ExtendWith(RunningSystem.class)
class ConsoleCorrectionsIT {

    /** Full names of the directory (task-service directory/licheng.yaml), as the console's selects show them. */
    private static final Map<String, String> NAMES = Map.of(Tasks.OWN, "泉州市鲤城区司法局",
            Tasks.OTHER, "泉州市鲤城区市场监督管理局");

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

    @Test
    void anExtensionDateTheServiceRefusesIsExplainedBesideItsFieldAndNothingChanges() {
        String id = Tasks.acknowledged(Tasks.OWN);
        String before = Tasks.state(id);
        LocalDate deadline = LocalDate.parse(as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200)
                .extract().<String>path("deadline"));
        // after today (so the date is a plausible one) but not after the current deadline: only the service knows that
        LocalDate asked = deadline.minusDays(30);
        assertTrue(asked.isAfter(LocalDate.now().plusDays(1)), "the test task's deadline lies far enough ahead");

        Page page = browser.signIn("judicial1", "/tasks/" + id);
        page.locator("[data-test=action-REQUEST_EXTENSION]").click();
        Locator date = page.locator(".el-dialog input.el-input__inner").first();
        date.fill(asked.getYear() + "年" + asked.getMonthValue() + "月" + asked.getDayOfMonth() + "日");
        date.press("Enter");
        page.locator("textarea[data-test=reason]").fill("需与全市专项检查同步推进。");
        page.locator("[data-test=action-submit]").click();

        Locator field = page.locator(".el-dialog .el-form-item", new Page.LocatorOptions().setHasText("申请延至"));
        assertThat(field.locator(".el-form-item__error"))
                .hasText("申请的新时限 " + asked + " 应晚于现有时限 " + deadline + "。");
        // the other field carries no error, and the dialog stays open for a better date
        assertThat(page.locator(".el-dialog .el-form-item", new Page.LocatorOptions().setHasText("理由"))
                .locator(".el-form-item__error")).hasCount(0);
        assertThat(page.locator(".el-dialog")).isVisible();
        ConsoleBrowser.screenshot(page, "judicial1-extension-refused");

        assertEquals(before, Tasks.state(id), "the refused request changed nothing");
        as(task(), "judicial1").get("/api/tasks/" + id + "/extension-requests").then().statusCode(200)
                .body("items.size()", equalTo(0));
        page.context().close();
    }

    @Test
    void theOfficeChangesASuggestionBeforeDispatchingAndTheTaskGetsTheChoice() {
        String reportId = Tasks.publish().get(0).reportId();
        JsonPath drafts = as(task(), "office1").queryParam("reportId", reportId).queryParam("state", "DRAFT")
                .queryParam("sort", "createdAt").queryParam("size", 100).get("/api/tasks").then().statusCode(200)
                .extract().jsonPath();
        String id = drafts.getString("items[0].id");
        String suggestedLead = drafts.getString("items[0].suggestion.leadDepartment");
        String suggestedDeadline = drafts.getString("items[0].suggestion.deadline");
        String lead = Tasks.OTHER.equals(suggestedLead) ? Tasks.OWN : Tasks.OTHER;
        LocalDate deadline = LocalDate.now().plusDays(100);
        if (deadline.toString().equals(suggestedDeadline)) {
            deadline = deadline.plusDays(1);
        }

        Page page = browser.signIn("office1", "/dispatch?reportId=" + reportId);
        Locator button = page.locator("[data-test=dispatch][data-task='" + id + "']");
        assertThat(button).hasText("接受建议并交办");
        Locator row = page.locator("[data-test=dispatch-list] .el-table__body tr", new Page.LocatorOptions()
                .setHas(page.locator("[data-test=draft-title][href$='/tasks/" + id + "']")));
        row.locator("[data-test=draft-lead]").click();
        page.keyboard().type(NAMES.get(lead).substring(6));
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + NAMES.get(lead) + "$"))).click();
        Locator date = row.locator(".el-date-editor input");
        date.fill(deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日");
        date.press("Enter");
        // the row says it was changed, and its button now dispatches the change
        assertThat(button).hasText("按修改交办");
        assertThat(row.locator(".el-tag", new Locator.LocatorOptions().setHasText("已修改"))).isVisible();
        ConsoleBrowser.screenshot(page, "office1-dispatch-changed");
        button.click();
        assertThat(page.locator("[data-test=dispatch-notice]")).containsText("已交办");
        assertThat(page.locator("[data-test=dispatch][data-task='" + id + "']")).hasCount(0);

        as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200)
                .body("state", equalTo("DISPATCHED")).body("leadDepartment", equalTo(lead))
                .body("deadline", equalTo(deadline.toString()));
        assertNotEquals(suggestedLead, lead);
        page.context().close();
    }

    @Test
    void deadLettersReplayedFromTheConsoleReachTheRepairedWebhookOnceEach() throws Exception {
        List<String> ids = List.of(Tasks.draft(), Tasks.draft());
        String district = as(task(), "office1").get("/api/tasks/" + ids.get(0)).then().statusCode(200)
                .extract().path("district");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String target = "http://127.0.0.1:" + port + "/hook";
        // a webhook of this test's own, for its department's dispatch notices only, at a port nobody listens on
        String subscription = as(notification(), "office1").contentType(ContentType.JSON).body(Map.of(
                "district", district, "recipientType", "DEPARTMENT", "recipientId", Tasks.OWN, "channel", "WEBHOOK",
                "target", target, "secret", "e2e-corrections-" + UUID.randomUUID(), "enabled", true,
                "kinds", List.of("DISPATCHED"))).post("/api/subscriptions").then().statusCode(201).extract().path("id");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer live = null;
        try {
            ids.forEach(id -> Tasks.dispatch(id, Tasks.OWN));
            // the notices are stored (with their deliveries) when notification-service reads the dispatch events
            await("the dispatch notices of " + ids).atMost(Tasks.LOST_EVENT_GUARD).until(() ->
                    as(notification(), "judicial1").queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                            .extract().<List<String>>path("items.taskId").containsAll(ids));
            // each clock move runs the delivery worker once; hourly steps pass every backoff (at most 1 h), and a
            // working morning is outside the quiet hours that hold notices back
            OffsetDateTime morning = NotificationClock.nextMorning();
            for (int hour = 0; hour < 16 && deadLetters(subscription).size() < ids.size(); hour++) {
                NotificationClock.move(morning.plusHours(hour));
            }
            List<Map<String, Object>> dead = deadLetters(subscription);
            assertEquals(ids.size(), dead.size(), "each delivery to the closed port became a dead letter: " + dead);
            assertTrue(dead.stream().allMatch(d -> Integer.valueOf(8).equals(d.get("attempts"))), "8 attempts each: " + dead);
            assertEquals(Set.copyOf(ids), dead.stream().map(d -> d.get("taskId")).collect(Collectors.toSet()));

            Page page = browser.signIn("office1", "/subscriptions");
            Locator rows = page.locator("[data-test=dead-letters] .el-table__body tr",
                    new Page.LocatorOptions().setHasText(target));
            assertThat(rows).hasCount(2);
            assertThat(rows.first().locator("td").nth(2)).hasText("8");
            ConsoleBrowser.screenshot(page, "office1-dead-letters");

            // the receiver is repaired: a live endpoint on the same port
            live = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            live.createContext("/hook", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            live.start();
            // the first row alone: it leaves the list, the other stays
            String first = (String) dead.get(0).get("taskId");
            String second = (String) dead.get(1).get("taskId");
            rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重新投递").setExact(true)).click();
            assertThat(page.locator("[data-test=replay-notice]")).containsText("已重新投递 1 条");
            assertThat(rows).hasCount(1);
            await("the replayed delivery of " + first).atMost(Duration.ofSeconds(40)).until(() -> own(received, first) == 1);
            assertEquals(0, own(received, second), "the other dead letter waits: " + received);
            ConsoleBrowser.screenshot(page, "office1-dead-letter-replayed");

            // then 全部重新投递 for the rest
            page.locator("[data-test=replay-all]").click();
            assertThat(page.locator("[data-test=replay-notice]")).containsText("已重新投递 1 条");
            assertThat(rows).hasCount(0);
            await("the replayed delivery of " + second).atMost(Duration.ofSeconds(40)).until(() -> own(received, second) == 1);
            // one more run of the worker (every 10 s) sends nothing again
            Thread.sleep(12_000);
            assertEquals(1, own(received, first), "delivered once: " + received);
            assertEquals(1, own(received, second), "delivered once: " + received);
            assertEquals(List.of(), deadLetters(subscription));
            page.reload();
            assertThat(page.locator("[data-test=dead-letters] .el-table__body tr",
                    new Page.LocatorOptions().setHasText(target))).hasCount(0);
            page.context().close();
        } finally {
            if (live != null) {
                live.stop(0);
            }
            as(notification(), "office1").delete("/api/subscriptions/" + subscription);
            NotificationClock.reset();
        }
    }

    /** Presses Tab until the focused element matches {@code selector}; fails when it takes more than 60 presses. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + "; focus is on "
                + page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)"));
    }

    private static boolean focusVisible(Page page) {
        return (Boolean) page.evaluate("() => document.activeElement.matches(':focus-visible')");
    }

    @Test
    void aDepartmentReportsProgressWithTheKeyboardOnly() {
        String id = Tasks.acknowledged(Tasks.OWN);
        Page page = browser.signIn("judicial1", "/tasks/" + id);
        assertThat(page.locator("[data-test=task-title]")).isVisible();
        // from the top of the page: Tab to the action, Enter opens its dialog
        page.locator("body").focus();
        tabTo(page, "[data-test=action-REPORT_PROGRESS]");
        assertTrue(focusVisible(page), "the focused button shows it is focused");
        page.keyboard().press("Enter");
        assertThat(page.locator(".el-dialog")).isVisible();
        // Tab through the fields: the percent, then the note, then the dialog's 确定
        tabTo(page, "[data-test=percent] input");
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("40");
        tabTo(page, "textarea[data-test=note]");
        page.keyboard().type("已完成四成的案卷评查。");
        tabTo(page, "[data-test=action-submit]");
        assertTrue(focusVisible(page), "the focused 确定 shows it is focused");
        ConsoleBrowser.screenshot(page, "judicial1-keyboard-progress");
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-test=state]").first()).hasText("办理中");
        as(task(), "judicial1").get("/api/tasks/" + id).then().statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).body("percent", equalTo(40));
        as(task(), "judicial1").get("/api/tasks/" + id + "/history").then().statusCode(200)
                .body("items.detail.progress.note", hasItem("已完成四成的案卷评查。"));
        page.context().close();
    }

    @Test
    void onATabletTheTaskListAndATaskPageDoNotScrollSideways() {
        String id = Tasks.inProgress(Tasks.OWN);
        Page page = browser.signIn("judicial1", "/tasks");
        for (int[] size : new int[][] {{1024, 768}, {768, 1024}}) {
            page.setViewportSize(size[0], size[1]);
            for (String path : List.of("/tasks", "/tasks/" + id)) {
                page.navigate(ConsoleBrowser.console() + path);
                page.locator(path.equals("/tasks") ? "[data-test=total]" : "[data-test=task-title]").waitFor();
                ConsoleBrowser.screenshot(page, "judicial1-tablet-" + size[0] + "x" + size[1]
                        + (path.equals("/tasks") ? "-tasks" : "-task"));
                @SuppressWarnings("unchecked")
                Map<String, Number> widths = (Map<String, Number>) page.evaluate(
                        "() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
                assertTrue(widths.get("scroll").intValue() <= widths.get("inner").intValue(),
                        path + " at " + size[0] + "×" + size[1] + " scrolls sideways: " + widths);
            }
        }
        page.context().close();
    }

    private static List<Map<String, Object>> deadLetters(String subscription) {
        return as(notification(), "office1").queryParam("subscriptionId", subscription).queryParam("size", 100)
                .get("/api/dead-letters").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static long own(List<String> received, String taskId) {
        return received.stream().filter(body -> taskId.equals(new JsonPath(body).getString("taskId"))).count();
    }
}
