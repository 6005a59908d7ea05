package rol.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.task;

/** The web console in Chromium, each demo role signed in at the real Keycloak through the console. */
@ExtendWith(RunningSystem.class)
class ConsoleIT {

    static ConsoleBrowser browser;
    static String own;
    static String other;

    @BeforeAll
    static void tasksAndBrowser() {
        own = Tasks.acknowledged(Tasks.OWN);
        other = Tasks.dispatched(Tasks.OTHER);
        // the dashboard shows notification-service's rollups, which follow the task events
        await().atMost(Duration.ofSeconds(60)).until(() -> !as(notification(), "office1")
                .get("/api/rollups?scope=district").then().statusCode(200).extract().path("items").toString().equals("[]"));
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String link(String taskId) {
        return "[data-test=task-link][href$='/tasks/" + taskId + "']";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String title(String id) {
        return as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200).extract().path("title");
    }

    @Test
    void theOfficeSeesTheDashboardAndTheWholeLedger() {
        Page page = browser.signIn("office1", "/");
        // the office lands on its 待办 (ConsoleWorklistIT); 总览 is one click away
        assertThat(page.locator("h1")).hasText("待办");
        page.locator("nav a", new Page.LocatorOptions().setHasText("总览")).click();
        assertThat(page.locator("h1")).containsText("总览");
        assertThat(page.locator("[data-test=rollup]")).containsText("完成率");
        assertThat(page.locator("[data-test=district]")).hasText("泉州市鲤城区");
        ConsoleBrowser.screenshot(page, "office1-dashboard");

        page.locator("nav a", new Page.LocatorOptions().setHasText("任务")).click();
        assertThat(page.locator("[data-test=task-list]")).containsText(title(own));
        assertThat(page.locator("[data-test=task-list]")).containsText(title(other));
        ConsoleBrowser.screenshot(page, "office1-tasks");

        page.navigate(ConsoleBrowser.console() + "/tasks/" + own);
        assertThat(page.locator("[data-test=task-title]")).hasText(title(own));
        ConsoleBrowser.screenshot(page, "office1-task");

        page.navigate(ConsoleBrowser.console() + "/inbox");
        assertThat(page.locator("h1")).hasText("消息");
        ConsoleBrowser.screenshot(page, "office1-inbox");
    }

    @Test
    void filteringByRedShowsOnlyRedTasks() throws Exception {
        // task-service's clock cannot move in this stack and a deadline cannot be set in the past through the API:
        // one task's deadline is moved back in its database, so that it is red today
        String late = Tasks.acknowledged(Tasks.OWN);
        try (Connection c = DriverManager.getConnection(RunningSystem.STACK.jdbcUrl("task"), "task", "task");
             PreparedStatement update = c.prepareStatement("update task set deadline = current_date - 3 where id = ?")) {
            update.setObject(1, UUID.fromString(late));
            assertEquals(1, update.executeUpdate());
        }
        Page page = browser.signIn("office1", "/tasks");
        page.locator("[data-test=filter-light]").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("红灯")).click();
        page.keyboard().press("Escape");
        page.locator("[data-test=filters] button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*[?&]light=RED.*"));
        assertThat(page.locator(link(late))).hasCount(1);
        assertThat(page.locator(link(own))).hasCount(0);
        assertThat(page.locator(link(other))).hasCount(0);
        List<String> lights = page.locator("[data-test=task-list] [data-test=light]").allInnerTexts();
        assertEquals(List.of("红灯"), lights.stream().map(String::strip).distinct().toList(), "lights shown: " + lights);
        ConsoleBrowser.screenshot(page, "office1-tasks-red");
        // the export takes the same filter
        assertThat(page.locator("[data-test=export-csv]")).hasAttribute("href", Pattern.compile(".*light=RED.*"));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnTasksAndReportsProgressFromTheDetailPage() throws Exception {
        // by id, not by title: the suite's other tests publish the same fixture plans, so titles repeat across departments
        Page page = browser.signIn("judicial1", "/tasks");
        page.navigate(ConsoleBrowser.console() + "/tasks?q=" + encode(title(other)));
        int sameTitleOwnTasks = as(task(), "judicial1").queryParam("q", title(other)).get("/api/tasks")
                .then().statusCode(200).extract().path("total");
        assertThat(page.locator("[data-test=total]")).hasText("共 " + sameTitleOwnTasks + " 项");
        assertThat(page.locator(link(other))).hasCount(0);

        page.navigate(ConsoleBrowser.console() + "/tasks?q=" + encode(title(own)));
        assertThat(page.locator(link(own))).hasCount(1);
        // the ledger's deadline column counts working days as the task page does
        int left = as(task(), "judicial1").get("/api/tasks/" + own).then().statusCode(200).extract().path("workingDaysLeft");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHas(page.locator(link(own))))
                .locator("[data-test=working-days]")).hasText("剩余" + left + "个工作日");
        ConsoleBrowser.screenshot(page, "judicial1-tasks");

        page.locator(link(own)).click();
        assertThat(page.locator("[data-test=task-title]")).hasText(title(own));
        ConsoleBrowser.screenshot(page, "judicial1-task");

        page.locator("[data-test=action-REPORT_PROGRESS]").click();
        page.locator("[data-test=percent] input").last().fill("60");
        page.locator("[data-test=percent] input").last().press("Tab");
        page.locator("textarea[data-test=note]").fill("已完成全区法律援助站点的走访。");
        Path evidence = Files.createTempFile("evidence", ".txt");
        Files.writeString(evidence, "走访记录");
        page.locator("[data-test=evidence-file]").setInputFiles(evidence);
        ConsoleBrowser.screenshot(page, "judicial1-progress-form");
        page.locator("[data-test=action-submit]").click();
        assertThat(page.locator("[data-test=state]").first()).hasText("办理中");

        as(task(), "office1").get("/api/tasks/" + own).then().statusCode(200)
                .body("percent", equalTo(60)).body("evidence.size()", equalTo(1));
    }

    @Test
    void aLeaderReadsButIsOfferedNoAction() {
        Page page = browser.signIn("leader1", "/tasks/" + own);
        assertThat(page.locator("[data-test=task-title]")).hasText(title(own));
        assertThat(page.locator("[data-test=actions] button")).hasCount(0);
        assertThat(page.locator("[data-test=no-actions]")).isVisible();
        // the deadline in working days, as task-service counted them with the district's calendar
        int left = as(task(), "leader1").get("/api/tasks/" + own).then().statusCode(200).extract().path("workingDaysLeft");
        assertThat(page.locator("[data-test=task-deadline] [data-test=working-days]")).hasText("剩余" + left + "个工作日");
        ConsoleBrowser.screenshot(page, "leader1-task");
        page.navigate(ConsoleBrowser.console() + "/");
        assertThat(page.locator("[data-test=rollup]")).containsText("完成率");
        assertThat(page.locator("[data-test=ranking]")).isVisible();
        ConsoleBrowser.screenshot(page, "leader1-dashboard");
    }

    /**
     * 通报排名: each number opens the task list behind it, filtered by the department and what the number counts, and
     * the list's total is the number clicked (the ranking counts the tasks a department leads, not those it supports).
     */
    @Test
    void aRankingNumberOpensTheTasksItCounts() {
        String department = as(notification(), "leader1").get("/api/rankings").then().statusCode(200).extract()
                .path("items[0].department");
        // the rollup catches up with the suite's task events before the page is read
        await().atMost(Tasks.LOST_EVENT_GUARD).until(() -> ranked(department, "supervised") == as(task(), "leader1")
                .queryParam("department", department).queryParam("leadOnly", true)
                .queryParam("state", "DISPATCHED", "ACKNOWLEDGED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED")
                .get("/api/tasks").then().statusCode(200).extract().<Integer>path("total")
                && ranked(department, "overdue") == as(task(), "leader1").queryParam("department", department)
                .queryParam("leadOnly", true).queryParam("light", "RED")
                .get("/api/tasks").then().statusCode(200).extract().<Integer>path("total"));
        Page page = browser.signIn("leader1", "/");
        // the department's row, by its name's link (the ranking may move while the suite's events arrive)
        Locator row = page.locator("[data-test=ranking] tr", new Page.LocatorOptions()
                .setHas(page.locator("a[href='/tasks?department=" + department + "']")));
        Locator supervised = row.locator("[data-test=rank-supervised]");
        assertThat(supervised).hasText(Pattern.compile("\\d+"));
        int supervisedShown = Integer.parseInt(supervised.innerText().strip());
        supervised.click();
        page.waitForURL(url -> url.contains("/tasks?") && url.contains("department=" + department)
                && url.contains("leadOnly=true") && url.contains("state=DISPATCHED") && url.contains("state=CLOSED"));
        assertThat(page.locator("[data-test=total]")).hasText("共 " + supervisedShown + " 项");

        page.goBack();
        Locator overdue = row.locator("[data-test=rank-overdue]");
        assertThat(overdue).hasText(Pattern.compile("\\d+"));
        int overdueShown = Integer.parseInt(overdue.innerText().strip());
        overdue.click();
        page.waitForURL(url -> url.contains("department=" + department) && url.contains("leadOnly=true")
                && url.contains("light=RED"));
        assertThat(page.locator("[data-test=filter-light]")).containsText("红灯");
        assertThat(page.locator("[data-test=total]")).hasText("共 " + overdueShown + " 项");
        assertThat(page.locator("[data-test=filter-lead-only]")).isVisible();
        ConsoleBrowser.screenshot(page, "leader1-ranking-overdue");
    }

    /** One figure of a department's line in the ranking, as notification-service answers it. */
    private static int ranked(String department, String figure) {
        List<Map<String, Object>> items = as(notification(), "leader1").get("/api/rankings").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(i -> department.equals(i.get("department")))
                .mapToInt(i -> ((Number) i.get(figure)).intValue()).findFirst().orElse(-1);
    }

    /** The district's zone: the service's months and "today" are its. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> MONTH_COLUMNS =
            List.of("due", "dueClosed", "closed", "closedOnTime", "cumulativeDue", "cumulativeClosed");

    /** GET /api/rollups/months as {@code user} sees it (the console relays the same call with the same token). */
    private static List<Map<String, Object>> months(String user, String query) {
        return as(notification(), user).get("/api/rollups/months" + query).then().statusCode(200)
                .extract().path("months");
    }

    /** The months table's cells as the API's answer for the same user should read: a null (month not begun) is —. */
    private static List<List<String>> expectedRows(String user) {
        return months(user, "").stream().map(m -> MONTH_COLUMNS.stream()
                .map(k -> m.get(k) == null ? "—" : String.valueOf(m.get(k))).toList()).toList();
    }

    private static List<List<String>> shownRows(Page page) {
        List<List<String>> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            rows.add(page.locator("[data-test=completion-month-" + m + "] td").allInnerTexts().stream()
                    .map(String::strip).toList());
        }
        return rows;
    }

    /** Reloads the dashboard until its months table shows what the API answers (task events may still be on the way). */
    private static void tableAgreesWithTheApi(Page page, String user) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            openDashboard(page);
            page.locator("[data-test=completion-table] summary").click();
            page.locator("[data-test=completion-month-12]").waitFor();
            assertEquals(expectedRows(user), shownRows(page));
        });
    }

    /**
     * 总览 afresh, through the navigation: "/" itself sends a department on to its landing page 我的任务, and a reload
     * would too.
     */
    private static void openDashboard(Page page) {
        page.navigate(ConsoleBrowser.console() + "/inbox");
        assertThat(page.locator("h1")).hasText("消息");
        page.locator("nav a", new Page.LocatorOptions().setHasText("总览")).click();
        assertThat(page.locator("h1")).containsText("总览");
    }

    private static int count(String user, String query, int month, String column) {
        return ((Number) months(user, query).get(month - 1).get(column)).intValue();
    }

    private static String day(String iso) {
        LocalDate d = LocalDate.parse(iso);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    @Test
    void aLeaderSeesTheYearsCompletionAndOpensTheTasksOfAMonth() {
        // this month gets one open task and one closed today, so that its numbers are concrete and known to change
        LocalDate due = YearMonth.now(ZONE).atEndOfMonth();
        int month = due.getMonthValue();
        int dueBefore = count("leader1", "", month, "due");
        int closedBefore = count("leader1", "", month, "closed");
        int dueClosedBefore = count("leader1", "", month, "dueClosed");
        String open = Tasks.dispatch(Tasks.draft(), Tasks.OWN, due);
        String closed = Tasks.closed(Tasks.OTHER, due);
        await().atMost(Tasks.LOST_EVENT_GUARD).until(() -> count("leader1", "", month, "due") == dueBefore + 2
                && count("leader1", "", month, "dueClosed") == dueClosedBefore + 1
                && count("leader1", "", month, "closed") == closedBefore + 1);
        Map<String, Object> answer = as(notification(), "leader1").get("/api/rollups/months").then().statusCode(200)
                .extract().path("");
        assertEquals(null, answer.get("department"), "a leader reads the district's curve");
        assertEquals(due.getYear(), answer.get("year"));

        Page page = browser.signIn("leader1", "/inbox");
        openDashboard(page);
        Locator chart = page.locator("[data-test=completion-chart]");
        assertThat(chart.locator("canvas").first()).isVisible();
        assertThat(chart.locator("[role=img]")).hasAttribute("aria-label",
                "全区" + due.getYear() + "年各月应办结与已销号（截至" + day((String) answer.get("asOf")) + "）");
        tableAgreesWithTheApi(page, "leader1");
        assertTrue(Integer.parseInt(page.locator("[data-test=completion-due-" + month + "]").innerText().strip()) >= 2);
        ConsoleBrowser.screenshot(page, "leader1-dashboard-completion");

        // the month's 应办结 opens the task list of that month's deadlines: both new tasks, not the one due next year
        page.locator("[data-test=completion-due-" + month + "]").click();
        YearMonth ym = YearMonth.from(due);
        String from = ym.atDay(1).toString();
        String before = ym.plusMonths(1).atDay(1).toString();
        assertThat(page).hasURL(Pattern.compile(".*/tasks\\?.*deadlineFrom=" + from + ".*"));
        assertThat(page).hasURL(Pattern.compile(".*deadlineBefore=" + before + ".*"));
        assertThat(page.locator(link(open))).hasCount(1);
        assertThat(page.locator(link(closed))).hasCount(1);
        assertThat(page.locator(link(own))).hasCount(0);
        ConsoleBrowser.screenshot(page, "leader1-tasks-month");

        // its 其中已销号: the closed one only
        page.goBack();
        page.locator("[data-test=completion-table] summary").click();
        page.locator("[data-test=completion-due-closed-" + month + "]").click();
        assertThat(page).hasURL(Pattern.compile(".*state=CLOSED.*"));
        assertThat(page).hasURL(Pattern.compile(".*deadlineFrom=" + from + ".*"));
        assertThat(page.locator(link(closed))).hasCount(1);
        assertThat(page.locator(link(open))).hasCount(0);

        // its 当月销号 and 其中按期: the tasks closed this month by the day of closing, whenever they were due; the
        // closed one was closed today, before its deadline; each list's total is the number clicked
        for (String kind : List.of("closed", "closed-on-time")) {
            page.goBack();
            page.locator("[data-test=completion-table] summary").click();
            Locator number = page.locator("[data-test=completion-" + kind + "-" + month + "]");
            int shown = Integer.parseInt(number.innerText().strip());
            assertTrue(shown >= 1, kind + ": " + shown);
            number.click();
            assertThat(page).hasURL(Pattern.compile(".*closedFrom=" + from + ".*"));
            assertThat(page).hasURL(Pattern.compile(".*closedBefore=" + before + ".*"));
            assertThat(page.locator("[data-test=total]")).hasText("共 " + shown + " 项");
            assertThat(page.locator("[data-test=filter-closed]")).isVisible();
            assertThat(page.locator(link(closed))).hasCount(1);
            assertThat(page.locator(link(open))).hasCount(0);
        }
        assertThat(page).hasURL(Pattern.compile(".*closedOnTime=true.*"));
        ConsoleBrowser.screenshot(page, "leader1-tasks-closed-on-time");
    }

    @Test
    void aDepartmentSeesTheCurveOfItsOwnTasksOnly() {
        LocalDate due = YearMonth.now(ZONE).atEndOfMonth();
        int month = due.getMonthValue();
        int districtBefore = count("leader1", "", month, "due");
        int ownBefore = count("judicial1", "", month, "due");
        // one task of its own and one of another department fall due this month
        String ours = Tasks.dispatch(Tasks.draft(), Tasks.OWN, due);
        String theirs = Tasks.dispatch(Tasks.draft(), Tasks.OTHER, due);
        await().atMost(Tasks.LOST_EVENT_GUARD).until(() -> count("leader1", "", month, "due") == districtBefore + 2);
        assertEquals(ownBefore + 1, count("judicial1", "", month, "due"), "its own task counts, the other's not");
        // judicial1's curve is its department's, as the leader reads it for that department, and not the district's
        Map<String, Object> mine = as(notification(), "judicial1").get("/api/rollups/months").then().statusCode(200)
                .extract().path("");
        assertEquals(Tasks.OWN, mine.get("department"));
        assertEquals(months("leader1", "?department=" + Tasks.OWN), mine.get("months"));
        assertNotEquals(months("leader1", ""), mine.get("months"));
        as(notification(), "judicial1").queryParam("department", Tasks.OTHER).get("/api/rollups/months")
                .then().statusCode(403);

        Page page = browser.signIn("judicial1", "/inbox");
        openDashboard(page);
        Locator chart = page.locator("[data-test=completion-chart]");
        // its own name, not 全区 (Playwright's patterns are JavaScript's, so the whole title is compared)
        assertThat(chart.locator("[role=img]")).hasAttribute("aria-label", mine.get("name") + String.valueOf(
                mine.get("year")) + "年各月应办结与已销号（截至" + day((String) mine.get("asOf")) + "）");
        tableAgreesWithTheApi(page, "judicial1");
        ConsoleBrowser.screenshot(page, "judicial1-dashboard-completion");
        page.locator("[data-test=completion-due-" + month + "]").click();
        assertThat(page).hasURL(Pattern.compile(".*department=" + Tasks.OWN + ".*"));
        // its curve counts the tasks it leads, and so does the list behind it
        assertThat(page).hasURL(Pattern.compile(".*leadOnly=true.*"));
        assertThat(page.locator(link(ours))).hasCount(1);
        assertThat(page.locator(link(theirs))).hasCount(0);
    }

    @Test
    void anotherDepartmentsTaskIsNotAvailable() {
        Page page = browser.signIn("market1", "/tasks/" + own);
        assertThat(page.locator("[data-test=not-available]")).containsText("任务不可查看");
        assertThat(page.locator("[data-test=task-title]")).hasCount(0);
        ConsoleBrowser.screenshot(page, "market1-not-available");
    }

    @Test
    void signingOutEndsTheSession() {
        Page page = browser.signIn("auditor1", "/tasks");
        assertThat(page.locator("[data-test=task-list]")).isVisible();
        ConsoleBrowser.screenshot(page, "auditor1-tasks");
        // a page of the console is never kept by the browser, so nothing of it outlives the session
        Response document = page.navigate(ConsoleBrowser.console() + "/tasks");
        assertEquals("no-store", document.headers().get("cache-control"));
        assertThat(page.locator("[data-test=task-list]")).isVisible();
        page.locator("[data-test=sign-out]").click();
        page.locator("#username").waitFor();
        // the back button, straight after signing out, does not bring the task list back: the browser asks the
        // console again, which has no session and sends it to sign in
        page.goBack();
        page.locator("#username").waitFor();
        assertThat(page.locator("[data-test=task-list]")).hasCount(0);
        assertThat(page.locator("#kc-login")).isVisible();
        page.navigate(ConsoleBrowser.console() + "/tasks");
        assertThat(page.locator("#kc-login")).isVisible();
        int status = page.request().get(ConsoleBrowser.console() + "/api/me",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("X-Requested-With", "XMLHttpRequest")
                        .setMaxRedirects(0)).status();
        assertEquals(499, status);
    }
}
