package rol.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.task;

/**
 * The landing pages: office1 lands on 待办 and acts from it (a draft report to review, a submission to 销号, an
 * extension request, a pending revision); judicial1 lands on 我的任务 and sees its own tasks only: the returned one
 * with the office's reason, the one it supports, and not the market regulator's. A task's page shows its pending
 * revision and the problems it rectifies.
 */
@ExtendWith(RunningSystem.class)
class ConsoleWorklistIT {

    private static final String RETURN_REASON = "评查报告未附整改清单，请补充后再申请办结。";

    static ConsoleBrowser browser;
    static String draftReport;
    static String submitted;
    static String extension;
    static Tasks.Revised revised;
    static String returned;
    static String supported;
    static String others;

    @BeforeAll
    static void workAndBrowser() {
        draftReport = ReportCorrectionIT.receive();
        revised = Tasks.pendingRevision(Tasks.OWN);
        extension = Tasks.extensionRequested(Tasks.OWN).task();
        others = Tasks.dispatched(Tasks.OTHER);
        // due within the week, so that they come first in 我的任务 however many tasks the suite left open
        LocalDate soon = LocalDate.now().plusDays(7);
        supported = dispatch(Tasks.draft(), Tasks.OTHER, List.of(Tasks.OWN), soon);
        returned = dispatch(Tasks.draft(), Tasks.OWN, List.of(), soon);
        office(returned, "acknowledge", null);
        office(returned, "progress", Map.of("percent", 100, "note", "案卷评查已完成。"));
        office(returned, "submit", null);
        office(returned, "return", Map.of("reason", RETURN_REASON));
        submitted = Tasks.submitted(Tasks.OWN);
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String dispatch(String id, String lead, List<String> co, LocalDate deadline) {
        office(id, "dispatch", Map.of("leadDepartment", lead, "coDepartments", co, "deadline", deadline.toString()));
        return id;
    }

    private static void office(String id, String action, Map<String, ?> body) {
        var spec = as(task(), "office1");
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        spec.post("/api/tasks/" + id + "/" + action).then().statusCode(200);
    }

    private static Locator row(Page page, String group, String href) {
        return page.locator("[data-test=group-" + group + "] tr", new Page.LocatorOptions()
                .setHas(page.locator("a[href$='" + href + "']")));
    }

    @Test
    void theOfficeLandsOnItsWorklistAndActsFromIt() {
        Page page = browser.signIn("office1", "/");
        page.waitForURL(url -> url.endsWith("/worklist"));
        assertThat(page.locator("h1")).hasText("待办");
        assertThat(page.locator("nav a").first()).hasText("待办");
        assertThat(row(page, "reports", "/reports/" + draftReport)).containsText("审核报告");
        assertThat(row(page, "extensions", "/tasks/" + extension)).containsText("审批延期");
        assertThat(row(page, "extensions", "/tasks/" + extension)).containsText(
                Tasks.extensionRequest().get("reason").toString());
        assertThat(row(page, "revisions", "/tasks/" + revised.task())).containsText("修订后的第一项工作");
        Locator submission = row(page, "submitted", "/tasks/" + submitted);
        assertThat(submission).containsText("审核销号");
        ConsoleBrowser.screenshot(page, "office1-worklist");

        // 销号 from the worklist: its row leads to the task, whose action closes it
        submission.locator("[data-test=next-action]").click();
        page.waitForURL(url -> url.endsWith("/tasks/" + submitted));
        page.locator("[data-test=action-CLOSE]").click();
        page.locator("[data-test=action-submit]").click();
        assertThat(page.locator("[data-test=state]").first()).hasText("已销号");
        page.locator("nav a", new Page.LocatorOptions().setHasText("待办")).click();
        assertThat(page.locator("[data-test=group-submitted]")).isVisible();
        assertThat(row(page, "submitted", "/tasks/" + submitted)).hasCount(0);

        // a revision is decided on the worklist itself
        row(page, "revisions", "/tasks/" + revised.task()).locator("[data-test=reject-revision]").click();
        assertThat(row(page, "revisions", "/tasks/" + revised.task())).hasCount(0);
        as(task(), "office1").get("/api/tasks/" + revised.task() + "/pending-revisions").then().statusCode(200)
                .body("pending", equalTo(0));

        // a draft report: its row opens the report to review
        row(page, "reports", "/reports/" + draftReport).locator("[data-test=next-action]").click();
        page.waitForURL(url -> url.endsWith("/reports/" + draftReport));

        // 查看全部 of the extension requests: the task list with its 待办公室决定 control set, as many as task-service has
        page.navigate(ConsoleBrowser.console() + "/worklist");
        page.locator("[data-test=group-extensions] a", new Page.LocatorOptions().setHasText("查看全部")).click();
        page.waitForURL(url -> url.endsWith("/tasks?pending=EXTENSION"));
        assertThat(page.locator("[data-test=filter-pending]")).containsText("延期申请待审批");
        int pending = as(task(), "office1").queryParam("pending", "EXTENSION").get("/api/tasks")
                .then().statusCode(200).extract().path("total");
        assertThat(page.locator("[data-test=total]")).hasText("共 " + pending + " 项");
        assertThat(page.locator("[data-test=export-csv]")).hasAttribute("href", Pattern.compile(".*pending=EXTENSION.*"));
    }

    /**
     * What the worklist lists is also on the task's own page: 待确认的修订 (old → new, from which correction, decided
     * there by the office) and 整改的问题 (the problem the office linked, with its 整改 page). The lead department reads
     * the revision without deciding it and has no problems (task-service refuses them); another department sees none.
     */
    @Test
    void theTaskPageShowsItsPendingRevisionAndTheProblemItRectifies() {
        Tasks.Revised own = Tasks.pendingRevision(Tasks.OWN);
        String id = own.task();
        String reportId = as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200).extract().path("reportId");
        String problem = as(task(), "office1").queryParam("reportId", reportId).get("/api/problems").then()
                .statusCode(200).extract().path("items[0].id");
        String problemText = as(task(), "office1").contentType(ContentType.JSON).body(Map.of("taskId", id))
                .post("/api/problems/" + problem + "/links").then().statusCode(200).extract().path("text");
        var revision = as(task(), "office1").get("/api/tasks/" + id + "/pending-revisions").then().statusCode(200)
                .extract().jsonPath();
        String before = revision.getString("items.find { it.status == 'PENDING' }.before.text");
        String after = revision.getString("items.find { it.status == 'PENDING' }.after.text");
        int correction = revision.getInt("items.find { it.status == 'PENDING' }.revision");
        int rectified = as(task(), "office1").queryParam("taskId", id).get("/api/problems").then().statusCode(200)
                .extract().path("total");

        // another department: not the task, nor its revision, nor its problems
        Page market = browser.signIn("market1", "/tasks/" + id);
        assertThat(market.locator("[data-test=not-available]")).isVisible();
        assertThat(market.locator("main")).not().containsText(after);
        assertThat(market.locator("main")).not().containsText(problemText);
        as(task(), "market1").get("/api/tasks/" + id + "/pending-revisions").then().statusCode(404);
        as(task(), "market1").queryParam("taskId", id).get("/api/problems").then().statusCode(403);
        market.context().close();

        // the lead department reads what the revision would change, and that the office decides it
        Page judicial = browser.signIn("judicial1", "/tasks/" + id);
        judicial.locator("#tab-revisions").click();
        Locator shown = judicial.locator("[data-test=revision][data-status=PENDING]");
        assertThat(shown.locator("[data-field=text] [data-test=revision-after]")).hasText(after);
        assertThat(shown.locator("[data-test=revision-office-decides]")).isVisible();
        assertThat(judicial.locator("[data-test=accept-revision]")).hasCount(0);
        assertThat(judicial.locator("[data-test=reject-revision]")).hasCount(0);
        assertThat(judicial.locator("#tab-problems")).hasCount(0);
        judicial.context().close();

        Page page = browser.signIn("office1", "/tasks/" + id);
        assertThat(page.locator("#tab-revisions")).hasText("待确认的修订（1）");
        page.locator("#tab-revisions").click();
        Locator pending = page.locator("[data-test=revision][data-status=PENDING]");
        assertThat(pending.locator("[data-field=text] [data-test=revision-before]")).hasText(before);
        assertThat(pending.locator("[data-field=text] [data-test=revision-after]")).hasText(after);
        assertThat(pending.locator("[data-test=revision-source]")).hasText("报告发布后第" + correction + "次纠正");
        ConsoleBrowser.screenshot(page, "office1-task-revisions");

        page.locator("#tab-problems").click();
        assertThat(page.locator("[data-test=task-problem]")).hasCount(rectified);
        Locator linked = page.locator("[data-test=task-problem][data-link=CONFIRMED]");
        assertThat(linked.locator("[data-test=task-problem-text]")).hasText(problemText);
        assertThat(linked.locator("[data-test=task-problem-link]")).hasText("已确认");
        assertThat(linked.locator("[data-test=task-problem-page]")).hasAttribute("href", "/rectification?report=" + reportId);
        ConsoleBrowser.screenshot(page, "office1-task-problems");

        // the office accepts it here: the task takes the corrected text, the revision stays as accepted
        page.locator("#tab-revisions").click();
        pending.locator("[data-test=accept-revision]").click();
        assertThat(page.locator("[data-test=revision][data-status=ACCEPTED] [data-test=revision-status]")).hasText("已采纳");
        assertThat(page.locator("#tab-revisions")).hasText("待确认的修订");
        as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200).body("text", equalTo(after));
        as(task(), "office1").get("/api/tasks/" + id + "/pending-revisions").then().statusCode(200)
                .body("pending", equalTo(0));
    }

    @Test
    void aDepartmentLandsOnItsOwnTasks() {
        Page page = browser.signIn("judicial1", "/");
        page.waitForURL(url -> url.endsWith("/my"));
        assertThat(page.locator("h1")).hasText("我的任务");
        assertThat(page.locator("nav a").first()).hasText("我的任务");
        assertThat(page.locator("nav a", new Page.LocatorOptions().setHasText("待办"))).hasCount(0);

        Locator back = page.locator("[data-test=returned-task]", new Page.LocatorOptions()
                .setHas(page.locator("a[href$='/tasks/" + returned + "']")));
        assertThat(back.locator("[data-test=return-reason]")).hasText(RETURN_REASON);
        assertThat(page.locator("[data-test=due-soon] a[href$='/tasks/" + returned + "']")).hasCount(1);
        // due in seven calendar days: the working days task-service counts are shown beside the date
        assertThat(page.locator("[data-test=due-soon] tr", new Page.LocatorOptions()
                .setHas(page.locator("a[href$='/tasks/" + returned + "']"))).locator("[data-test=working-days]"))
                .hasText(Pattern.compile("剩余\\d个工作日"));
        assertThat(page.locator("[data-test=my-lead] a[data-test=task-link][href$='/tasks/" + returned + "']"))
                .hasCount(1);
        assertThat(page.locator("[data-test=my-support] a[data-test=task-link][href$='/tasks/" + supported + "']"))
                .hasCount(1);
        assertThat(page.locator("a[href$='/tasks/" + others + "']")).hasCount(0);
        ConsoleBrowser.screenshot(page, "judicial1-my-tasks");

        // every task on the page is the department's own (as task-service answers the department itself)
        List<String> shown = page.locator("[data-test=task-link]").all().stream()
                .map(a -> a.getAttribute("href").replaceFirst(".*/tasks/", "")).distinct().toList();
        for (String id : shown) {
            as(task(), "judicial1").get("/api/tasks/" + id).then().statusCode(200);
        }
    }

    @Test
    void leadersAndAuditorsStillLandOnTheOverview() {
        for (String user : List.of("leader1", "auditor1")) {
            Page page = browser.signIn(user, "/");
            assertThat(page.locator("h1")).containsText("总览");
            assertThat(page.locator("nav a").first()).hasText("总览");
            assertThat(page.locator("nav a", new Page.LocatorOptions().setHasText("待办"))).hasCount(0);
            assertThat(page.locator("nav a", new Page.LocatorOptions().setHasText("我的任务"))).hasCount(0);
            page.context().close();
        }
    }
}
