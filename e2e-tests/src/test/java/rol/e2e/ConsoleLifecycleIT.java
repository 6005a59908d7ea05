package rol.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.task;

/**
 * The year's path in the browser: the department reads its notice, acknowledges, reports 60% with a file and asks
 * for more time; the office approves it, closes one task and returns another; the leader's dashboard follows and the
 * leader is offered no action. The tasks are made through the API (Tasks).
 */
@ExtendWith(RunningSystem.class)
class ConsoleLifecycleIT {

    static ConsoleBrowser browser;
    static String dispatched;
    static String toClose;
    static String toReturn;

    @BeforeAll
    static void tasksAndBrowser() {
        dispatched = Tasks.dispatched(Tasks.OWN);
        toClose = Tasks.submitted(Tasks.OWN);
        toReturn = Tasks.submitted(Tasks.OWN);
        // quiet hours hold the notice: the clock goes to a working morning until the suite ends (not further: the
        // dispatch reminder expires); the inbox lists the newest stored first, whatever other suites' clocks dated
        OffsetDateTime morning = NotificationClock.nextMorning();
        await("judicial1's notice of task " + dispatched).atMost(Tasks.LOST_EVENT_GUARD).until(() -> {
            NotificationClock.move(morning);
            return as(notification(), "judicial1").queryParam("size", 100).get("/api/inbox").then().statusCode(200)
                    .extract().<List<String>>path("items.taskId").contains(dispatched);
        });
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        NotificationClock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    private static String at(String path) {
        return ConsoleBrowser.console() + path;
    }

    private static void act(Page page, String action) {
        page.locator("[data-test=action-" + action + "]").click();
    }

    private static String closedCard(Page dashboard) {
        return dashboard.locator("[data-test=rollup]").innerText();
    }

    @Test
    void theYearsPathThroughTheBrowser() throws Exception {
        Page leader = browser.signIn("leader1", "/");
        assertThat(leader.locator("[data-test=rollup]")).containsText("完成率");
        String before = closedCard(leader);

        // the department: from its inbox to the task, 签收, 60% with a file, 申请延期
        Page dept = browser.signIn("judicial1", "/inbox");
        var notice = dept.locator("[data-test=inbox] a[href$='/tasks/" + dispatched + "']").first();
        assertThat(notice).isVisible();
        ConsoleBrowser.screenshot(dept, "judicial1-inbox");
        notice.click();
        act(dept, "ACKNOWLEDGE");
        dept.locator("[data-test=action-submit]").click();
        assertThat(dept.locator("[data-test=state]").first()).hasText("已签收");

        act(dept, "REPORT_PROGRESS");
        dept.locator("[data-test=percent] input").last().fill("60");
        dept.locator("[data-test=percent] input").last().press("Tab");
        dept.locator("textarea[data-test=note]").fill("已完成过半的案卷评查。");
        Path evidence = Files.createTempFile("evidence", ".txt");
        Files.writeString(evidence, "评查记录");
        dept.locator("[data-test=evidence-file]").setInputFiles(evidence);
        ConsoleBrowser.screenshot(dept, "judicial1-lifecycle-progress-form");
        dept.locator("[data-test=action-submit]").click();
        assertThat(dept.locator("[data-test=state]").first()).hasText("办理中");

        LocalDate deadline = LocalDate.parse(as(task(), "office1").get("/api/tasks/" + dispatched).then()
                .statusCode(200).extract().<String>path("deadline"));
        LocalDate asked = deadline.plusDays(60);
        act(dept, "REQUEST_EXTENSION");
        var date = dept.locator(".el-dialog input.el-input__inner").first();
        date.fill(asked.getYear() + "年" + asked.getMonthValue() + "月" + asked.getDayOfMonth() + "日");
        date.press("Enter");
        dept.locator("textarea[data-test=reason]").fill("需与全市专项检查同步推进。");
        ConsoleBrowser.screenshot(dept, "judicial1-extension-form");
        dept.locator("[data-test=action-submit]").click();
        dept.locator(".el-dialog").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        as(task(), "judicial1").get("/api/tasks/" + dispatched + "/extension-requests").then().statusCode(200)
                .body("items.status", hasItem("PENDING")).body("items[0].newDeadline", equalTo(asked.toString()));
        as(task(), "office1").get("/api/tasks/" + dispatched).then()
                .body("percent", equalTo(60)).body("evidence.size()", equalTo(1));

        // the office: approves the extension, closes one task, returns another with a reason
        Page office = browser.signIn("office1", "/tasks/" + dispatched);
        office.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("延期")).click();
        office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("同意").setExact(true)).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> as(task(), "office1").get("/api/tasks/" + dispatched)
                .then().extract().<String>path("deadline").equals(asked.toString()));
        ConsoleBrowser.screenshot(office, "office1-extension-approved");

        office.navigate(at("/tasks/" + toClose));
        act(office, "CLOSE");
        office.locator("[data-test=action-submit]").click();
        assertThat(office.locator("[data-test=state]").first()).hasText("已销号");

        office.navigate(at("/tasks/" + toReturn));
        act(office, "RETURN");
        office.locator("textarea[data-test=reason]").fill("佐证材料不全，请补充评查报告。");
        office.locator("[data-test=action-submit]").click();
        assertThat(office.locator("[data-test=state]").first()).hasText("已退回");
        ConsoleBrowser.screenshot(office, "office1-returned");
        as(task(), "judicial1").get("/api/tasks/" + toReturn + "/history").then().statusCode(200)
                .body("items.detail.reason", hasItem("佐证材料不全，请补充评查报告。"));

        // the leader: the numbers follow the task events; no button changes anything
        await("the leader's dashboard to change").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    leader.reload();
                    leader.locator("[data-test=rollup] .value").first().waitFor();
                    return !closedCard(leader).equals(before);
                });
        ConsoleBrowser.screenshot(leader, "leader1-dashboard-after");
        leader.navigate(at("/tasks/" + toClose));
        assertThat(leader.locator("[data-test=task-title]")).isVisible();
        assertThat(leader.locator("[data-test=actions] button")).hasCount(0);
        assertThat(leader.locator("[data-test=no-actions]")).isVisible();
    }
}
