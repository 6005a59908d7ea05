package rol.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.task;

/**
 * What a user meets between actions, in Chromium: the bell counting without a reload, a list page and order that
 * survive a reload, an ended session that signs in again and comes back, an evidence file downloaded, and the pages
 * that print on A4.
 */
@ExtendWith(RunningSystem.class)
class ConsoleSessionIT {

    /** The bell asks every 30 s: a new notice shows within one round and some slack. */
    private static final Duration BELL = Duration.ofSeconds(45);
    /** A4 portrait at 96 dpi, less Chromium's default print margins (about 1 cm each side). */
    private static final int A4_WIDTH = 718;

    static ConsoleBrowser browser;

    @BeforeAll
    static void enoughTasksForTwoPagesAndABrowser() {
        // other suites on this stack may not have run: the list needs more than one page of 20
        while (as(task(), "office1").get("/api/tasks").then().statusCode(200).extract().<Integer>path("total") < 25) {
            Tasks.publish();
        }
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static int unread(String user) {
        return as(notification(), user).get("/api/inbox/unread-count").then().statusCode(200).extract().path("unread");
    }

    private static Locator bell(Page page) {
        return page.locator("[data-test=bell]");
    }

    @Test
    void theBellCountsANewNoticeWithoutAReloadAndMarkingOneReadLowersIt() {
        Page page = browser.signIn("judicial1", "/inbox");
        int before = unread("judicial1");
        assertThat(bell(page)).hasAttribute("aria-label", "消息：" + before);
        String id = Tasks.dispatched(Tasks.OWN);
        // quiet hours (22:00-08:00 in Shanghai) hold notices: the department's morning comes first
        NotificationClock.move(NotificationClock.nextMorning());
        try {
            await("the DISPATCHED notice of " + id).atMost(BELL).until(() -> unread("judicial1") > before);
            int after = unread("judicial1");
            // no reload: the page asks by itself
            assertThat(bell(page)).hasAttribute("aria-label", "消息：" + after,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                            .setTimeout(BELL.toMillis()));
            ConsoleBrowser.screenshot(page, "judicial1-inbox");

            page.locator("[data-test=inbox] tr", new Page.LocatorOptions()
                            .setHas(page.locator("a[href$='/tasks/" + id + "']")))
                    .locator("button", new Locator.LocatorOptions().setHasText("标为已读")).first().click();
            assertThat(bell(page)).hasAttribute("aria-label", "消息：" + (after - 1));
            assertEquals(after - 1, unread("judicial1"));
        } finally {
            NotificationClock.reset();
        }
    }

    @Test
    void thePageAndTheOrderOfTheListSurviveAReload() {
        Page page = browser.signIn("office1", "/tasks");
        page.locator("[data-test=task-list] th", new Page.LocatorOptions().setHasText("进度")).click();
        page.waitForURL(Pattern.compile(".*sort=percent.*"));
        page.locator(".el-pager li", new Page.LocatorOptions().setHasText(Pattern.compile("^2$"))).click();
        page.waitForURL(Pattern.compile(".*page=2.*"));
        String expected = as(task(), "office1").queryParam("sort", "percent").queryParam("page", 1)
                .queryParam("size", 20).get("/api/tasks").then().statusCode(200).extract().path("items[0].id");
        Locator firstRow = page.locator("[data-test=task-list] [data-test=task-link]").first();
        assertThat(firstRow).hasAttribute("href", Pattern.compile(".*/tasks/" + expected + "$"));

        String url = page.url();
        page.reload();
        assertEquals(url, page.url());
        assertThat(firstRow).hasAttribute("href", Pattern.compile(".*/tasks/" + expected + "$"));
        assertThat(page.locator(".el-pager li.is-active")).hasText("2");
        // the column still shows the order it is sorted in
        assertThat(page.locator("[data-test=task-list] th", new Page.LocatorOptions().setHasText("进度")))
                .hasClass(Pattern.compile(".*\\bascending\\b.*"));
    }

    @Test
    void anEndedSessionSignsInAgainAndReturnsToTheSamePage() {
        Page page = browser.signIn("office1", "/tasks");
        String word = as(task(), "office1").get("/api/tasks").then().statusCode(200).extract().path("items[0].title");
        // both the console's session and Keycloak's are gone, as after a night away
        page.context().clearCookies();
        page.locator("[data-test=search] input").fill(word);
        page.locator("[data-test=search] input").press("Enter");
        page.locator("#username").waitFor();
        ConsoleBrowser.signInHere(page, "office1");
        page.waitForURL(url -> url.contains("/tasks?q="));
        assertTrue(page.url().contains("q=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8).replace("+", "%20"))
                || page.url().contains("q=" + word), page.url());
        assertThat(page.locator("[data-test=task-list]")).containsText(word);
    }

    @Test
    void anEvidenceFileDownloadsAsItWasUploaded() throws Exception {
        String id = Tasks.acknowledged(Tasks.OWN);
        byte[] content = "2026年上半年案卷评查记录：抽查案卷30件。".getBytes(StandardCharsets.UTF_8);
        // a Chinese file name, sent the way the browser sends it
        java.nio.file.Path file = Files.createTempDirectory("evidence").resolve("案卷评查记录.txt");
        Files.write(file, content);

        Page page = browser.signIn("judicial1", "/tasks/" + id);
        page.locator("[data-test=action-REPORT_PROGRESS]").click();
        page.locator("[data-test=percent] input").last().fill("20");
        page.locator("[data-test=percent] input").last().press("Tab");
        page.locator("textarea[data-test=note]").fill("上半年案卷评查已开展。");
        page.locator("[data-test=evidence-file]").setInputFiles(file);
        page.locator("[data-test=action-submit]").click();
        assertThat(page.locator("[data-test=state]").first()).hasText("办理中");

        page.locator(".el-tabs__item", new Page.LocatorOptions().setHasText("佐证材料")).click();
        Download download = page.waitForDownload(() -> page.locator("[data-test=evidence-link]").first().click());
        assertEquals("案卷评查记录.txt", download.suggestedFilename());
        assertArrayEquals(content, Files.readAllBytes(download.path()));
    }

    @Test
    void theListATaskAndTheDigestPrintOnA4WithoutTheNavigation() {
        String id = Tasks.acknowledged(Tasks.OWN);
        Page page = browser.signIn("office1", "/tasks");
        page.setViewportSize(A4_WIDTH, 1000);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        String[] paths = {"/tasks", "/tasks/" + id, "/digest"};
        for (String path : paths) {
            page.navigate(ConsoleBrowser.console() + path);
            page.locator("h1").first().waitFor();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(page.locator("nav")).isHidden();
            assertThat(page.locator("[data-test=user]")).isHidden();
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertTrue(width <= A4_WIDTH, path + " is " + width + " px wide in print, wider than A4's " + A4_WIDTH);
            // no table cuts off a column: each header cell ends inside the paper
            int right = ((Number) page.evaluate("Math.max(0, ...[...document.querySelectorAll('th')]"
                    + ".map(th => th.getBoundingClientRect().right))")).intValue();
            assertTrue(right <= A4_WIDTH, path + ": a column ends at " + right + " px, past A4's " + A4_WIDTH);
            // a task prints whole: every tab, not only the open one
            Locator panes = page.locator(".el-tab-pane");
            for (int i = 0; i < panes.count(); i++) {
                assertThat(panes.nth(i)).isVisible();
            }
            ConsoleBrowser.screenshot(page, "office1-print" + path.replace('/', '-'));
        }
    }
}
