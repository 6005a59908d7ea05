package rol.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 导入台账 in Chromium: the office uploads a generated ledger, commits it and finds the tasks in 任务. */
@ExtendWith(RunningSystem.class)
class ConsoleImportIT {

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

    /** A small CSV 台账 (UTF-8 with BOM, as Excel saves it) with task names no other test uses. */
    private static Path ledger(String tag) throws IOException {
        String csv = "\uFEFF序号,工作任务,牵头单位,配合单位,完成时限,状态\r\n"
                + "1,开展涉企行政检查专项整治" + tag + ",区司法局,区市监局,2025年6月底,推进中\r\n"
                + "2,建设法治文化阵地" + tag + ",开元街道,,长期坚持,未启动\r\n";
        Path file = Files.createTempFile("import-ledger", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theOfficeImportsALedgerAndSeesItsTasks() throws IOException {
        String tag = "-" + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.signIn("office1", "/imports");
        assertThat(page.locator("h1")).hasText("导入台账");
        page.locator("[data-test=import-file]").setInputFiles(ledger(tag));
        page.locator("[data-test=import-upload]").click();
        assertThat(page.locator("[data-test=import-summary]")).containsText("新建 2");
        assertThat(page.locator("[data-test=import-preview]")).containsText("长期（不设时限）");
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "the preview must not widen the page at 1366 px");
        ConsoleBrowser.screenshot(page, "office1-import-preview");

        page.locator("[data-test=import-commit]").click();
        assertThat(page.locator("[data-test=import-committed]")).containsText("新建 2 项");

        page.navigate(ConsoleBrowser.console() + "/tasks?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        assertThat(page.locator("[data-test=task-list]")).containsText("开展涉企行政检查专项整治" + tag);
        assertThat(page.locator("[data-test=task-list]")).containsText("建设法治文化阵地" + tag);
        ConsoleBrowser.screenshot(page, "office1-imported-tasks");
    }

    @Test
    void aDepartmentHasNoImportInItsNavigation() {
        Page page = browser.signIn("judicial1", "/tasks");
        assertThat(page.locator("[data-test=task-list]")).isVisible();
        assertEquals(0, page.locator("nav a", new Page.LocatorOptions().setHasText("导入台账")).count());
    }
}
