package rol.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
import static rol.e2e.RunningSystem.task;

/**
 * Console paths of everyday actions: a service's field refusal shown beside its field, a changed dispatch suggestion,
 * dead letters replayed to a repaired webhook, progress reported with the keyboard only, and tablet viewports.
 */
@ExtendWith(RunningSystem.class)
class ConsoleActionsIT {

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
        // other suites' notices to the department that quiet hours still hold come due at the first move to a working
        // morning: that move comes before this test's webhook is subscribed, so only this test's notices reach it
        OffsetDateTime morning = NotificationClock.nextMorning();
        NotificationClock.move(morning);
        // a webhook of this test's own, for its department's dispatch notices only, at a port nobody listens on
        String subscription = as(notification(), "office1").contentType(ContentType.JSON).body(Map.of(
                "district", district, "recipientType", "DEPARTMENT", "recipientId", Tasks.OWN, "channel", "WEBHOOK",
                "target", target, "secret", "e2e-corrections-" + UUID.randomUUID(), "enabled", true,
                "kinds", List.of("DISPATCHED"))).post("/api/subscriptions").then().statusCode(201).extract().path("id");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer live = null;
        try {
            ids.forEach(id -> Tasks.dispatch(id, Tasks.OWN));
            // the notices are stored (with their deliveries) once notification-service has read the dispatch events
            // and they are due (the clock stands at a working morning); each clock move runs the jobs
            await("the dispatch notices of " + ids).atMost(Tasks.LOST_EVENT_GUARD).until(() -> {
                NotificationClock.move(morning);
                return as(notification(), "judicial1").queryParam("size", 100).get("/api/inbox").then()
                        .statusCode(200).extract().<List<String>>path("items.taskId").containsAll(ids);
            });
            // each clock move runs the delivery worker once; hourly steps pass every backoff (at most 1 h)
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
            // the reason in words first, the technical text after it
            assertThat(rows.first().locator("[data-test=failure-word]")).hasText("连不上接收地址：对方服务未开启或网络不通");
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

    /** Every table part that scrolls sideways inside (its content wider than its box), with both widths. */
    private static final String SIDEWAYS_INSIDE = """
            () => [...document.querySelectorAll('.el-table__body-wrapper .el-scrollbar__wrap, .el-table__header-wrapper')]
                .filter(e => e.scrollWidth > e.clientWidth + 1)
                .map(e => e.className + ' (in ' + (e.closest('[data-test]')?.dataset.test ?? 'a table') + '): scrollWidth '
                    + e.scrollWidth + ' > clientWidth ' + e.clientWidth)""";

    /** The boxes of the bell's badge and of the word 消息 itself (a Range over its text, not the span's margin). */
    private static final String BELL_BOXES = """
            () => {
              const box = r => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
              const badge = document.querySelector('[data-test=bell] .el-badge__content');
              const range = document.createRange();
              range.selectNodeContents(document.querySelector('[data-test=bell-word]'));
              return { badge: box(badge.getBoundingClientRect()), word: box(range.getBoundingClientRect()),
                       text: range.toString() };
            }""";

    /** The words of the state and the light of the list's first row, with where they end and where the table ends. */
    private static final String FIRST_ROW_WORDS = """
            () => {
              const row = document.querySelector('[data-test=task-list] .el-table__body tr');
              const word = sel => {
                const e = row?.querySelector(sel);
                if (!e) return { text: '', right: 0, width: 0 };
                const r = e.getBoundingClientRect();
                return { text: e.innerText.trim(), right: r.right, width: r.width };
              };
              return { state: word('[data-test=state]'), light: word('[data-test=light]'),
                       tableRight: document.querySelector('[data-test=task-list] .el-table')?.getBoundingClientRect().right ?? 0,
                       inner: window.innerWidth };
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void onATabletTheTaskListAndATaskPageDoNotScrollSideways() {
        String id = Tasks.inProgress(Tasks.OWN);
        Page page = browser.signIn("judicial1", "/tasks");
        // the widest badge the bell shows (99+), whatever judicial1's inbox holds today
        page.route("**/api/notification/inbox/unread-count", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/json").setBody("{\"unread\":120}")));
        for (int[] size : new int[][] {{1024, 768}, {768, 1024}}) {
            page.setViewportSize(size[0], size[1]);
            for (String path : List.of("/tasks", "/tasks/" + id)) {
                String where = path + " at " + size[0] + "×" + size[1];
                page.navigate(ConsoleBrowser.console() + path);
                page.locator(path.equals("/tasks") ? "[data-test=total]" : "[data-test=task-title]").waitFor();
                page.locator("[data-test=bell] .el-badge__content").waitFor();
                ConsoleBrowser.screenshot(page, "judicial1-tablet-" + size[0] + "x" + size[1]
                        + (path.equals("/tasks") ? "-tasks" : "-task"));
                Map<String, Number> widths = (Map<String, Number>) page.evaluate(
                        "() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
                assertTrue(widths.get("scroll").intValue() <= widths.get("inner").intValue(),
                        where + " scrolls sideways: " + widths);
                // nor does anything inside it: a table's own scroll hides columns as well as the page's does
                List<String> inside = (List<String>) page.evaluate(SIDEWAYS_INSIDE);
                assertTrue(inside.isEmpty(), where + ": tables scroll sideways inside: " + inside);

                Map<String, Object> bell = (Map<String, Object>) page.evaluate(BELL_BOXES);
                Map<String, Number> badge = (Map<String, Number>) bell.get("badge");
                Map<String, Number> word = (Map<String, Number>) bell.get("word");
                assertEquals("消息", bell.get("text"));
                boolean apart = badge.get("left").doubleValue() >= word.get("right").doubleValue()
                        || badge.get("right").doubleValue() <= word.get("left").doubleValue()
                        || badge.get("top").doubleValue() >= word.get("bottom").doubleValue()
                        || badge.get("bottom").doubleValue() <= word.get("top").doubleValue();
                assertTrue(apart, where + ": the bell's badge " + badge + " covers the word 消息 " + word);

                if (path.equals("/tasks")) {
                    Map<String, Object> row = (Map<String, Object>) page.evaluate(FIRST_ROW_WORDS);
                    Number tableRight = (Number) row.get("tableRight");
                    Number inner = (Number) row.get("inner");
                    for (String part : List.of("state", "light")) {
                        Map<String, Object> shown = (Map<String, Object>) row.get(part);
                        double right = ((Number) shown.get("right")).doubleValue();
                        assertTrue(!shown.get("text").toString().isBlank() && ((Number) shown.get("width")).doubleValue() > 0
                                        && right <= tableRight.doubleValue() + 1 && right <= inner.doubleValue(),
                                where + ": the first row's " + part + " is not all in view: " + shown
                                        + ", the table ends at " + tableRight + ", the window at " + inner);
                    }
                    Map<String, Object> light = (Map<String, Object>) row.get("light");
                    assertTrue(Set.of("红灯", "黄灯", "绿灯", "无灯").contains(light.get("text").toString()),
                            where + ": the light says its word beside the dot, not " + light);
                }
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
