package rol.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven by Playwright (never a downloaded browser), signed in at the e2e stack's real Keycloak.
 * Screenshots go to {@code target/screenshots/<user>-<page>.png}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright = Playwright.create();
    private final Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(chromium()).setArgs(ARGS).setHeadless(true));

    static String console() {
        return "http://localhost:" + RunningSystem.STACK.consolePort();
    }

    /** A fresh browser window (no cookies) at a laptop's 1366×768, signed in as {@code user} at {@code path}. */
    Page signIn(String user, String path) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN"));
        Page page = context.newPage();
        page.navigate(console() + path);
        signInHere(page, user);
        return page;
    }

    /** Fills Keycloak's sign-in form the page shows and waits to be back at the console. */
    static void signInHere(Page page, String user) {
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(console()));
        page.locator("[data-test=user]").waitFor();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static Path chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "Chromium is not installed: apt-get install -y chromium (.ci/run does it)"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
