package rol.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page a role's navigation offers, visited as that role: the page opens with its heading and without an error
 * (a page the services refuse to that role must not be offered), and its screenshot is kept as
 * {@code target/screenshots/<user>-page-<path>.png}.
 */
@ExtendWith(RunningSystem.class)
class ConsolePagesIT {

    /** Pages only the office works on: never offered to a department, a leader or an auditor. */
    private static final Set<String> OFFICE_ONLY = Set.of("/dispatch", "/imports", "/subscriptions");
    /** Pages that read the whole district: never offered to a department. */
    private static final Set<String> WHOLE_DISTRICT = Set.of("/reports", "/rectification", "/digest");
    /** Roles that read everything and change nothing. */
    private static final Set<String> READ_ONLY = Set.of("leader1", "auditor1");
    /** The sub-district street1 works for. */
    private static final String STREET = "kaiyuan-subdistrict";

    static ConsoleBrowser browser;
    static String judicialTask;
    static String streetTask;

    @BeforeAll
    static void aTaskAndABrowser() {
        judicialTask = Tasks.acknowledged(Tasks.OWN);
        streetTask = Tasks.acknowledged(STREET);
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"office1", "judicial1", "street1", "leader1", "auditor1"})
    void everyPageTheNavigationOffersOpensWithoutAnError(String user) {
        Page page = browser.signIn(user, "/");
        page.locator("nav a").first().waitFor();
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) page.locator("nav a")
                .evaluateAll("links => links.map(a => a.getAttribute('href'))");
        assertTrue(paths.size() >= 3, user + " is offered " + paths);
        if (!user.equals("office1")) {
            assertTrue(paths.stream().noneMatch(OFFICE_ONLY::contains), user + " is offered an office page: " + paths);
        }
        if (user.equals("judicial1") || user.equals("street1")) {
            assertTrue(paths.stream().noneMatch(WHOLE_DISTRICT::contains), user + " is offered a district page: " + paths);
        }
        for (String path : paths) {
            page.navigate(ConsoleBrowser.console() + path);
            assertThat(page.locator("main h1").first()).isVisible();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertFalse(page.locator("main .el-alert--error").isVisible(),
                    user + " sees an error on " + path + ": " + page.locator("main .el-alert--error").allInnerTexts());
            String slug = path.equals("/") ? "home" : path.substring(1).replace('/', '-');
            ConsoleBrowser.screenshot(page, user + "-page-" + slug);
        }
    }

    /**
     * A task's page for each role (street1's a task of its sub-district, everyone else's the judicial bureau's): the
     * role sees the task and the actions it may take now, and a leader or an auditor none at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"office1", "judicial1", "street1", "leader1", "auditor1"})
    void aTaskShowsTheActionsTheRoleMayTake(String user) {
        Page page = browser.signIn(user, "/tasks/" + (user.equals("street1") ? streetTask : judicialTask));
        assertThat(page.locator("[data-test=task-title]")).isVisible();
        assertThat(page.locator("[data-test=actions]")).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertFalse(page.locator("main .el-alert--error").isVisible(),
                user + " sees an error on a task: " + page.locator("main .el-alert--error").allInnerTexts());
        if (READ_ONLY.contains(user)) {
            assertThat(page.locator("[data-test^=action-]")).hasCount(0);
            assertThat(page.locator("[data-test=no-actions]")).isVisible();
        } else {
            assertThat(page.locator("[data-test^=action-]").first()).isVisible();
        }
        ConsoleBrowser.screenshot(page, user + "-page-task");
    }
}
