package rol.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.task;

/** The console's office pages in Chromium: 整改, 单位, 订阅与死信, 周报, and what the other roles see of them. */
@ExtendWith(RunningSystem.class)
class ConsoleOfficeIT {

    static ConsoleBrowser browser;
    static String report;
    static String problem;

    @BeforeAll
    static void reportAndBrowser() {
        report = Tasks.publish().get(0).reportId();
        // the synthetic report's problem 普法形式缺乏创新 is suggested the task 加强普法宣传
        await("a problem of report " + report + " with a suggested task").atMost(Tasks.LOST_EVENT_GUARD).until(() -> {
            List<String> ids = as(task(), "office1").queryParam("reportId", report).get("/api/problems").then()
                    .statusCode(200).extract().path("items.findAll { it.links.any { l -> l.status == 'SUGGESTED' } }.id");
            problem = ids.isEmpty() ? null : ids.get(0);
            return problem != null;
        });
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String at(String path) {
        return ConsoleBrowser.console() + path;
    }

    @Test
    void theOfficeConfirmsASuggestedLinkAndLeadersOnlyRead() {
        Page page = browser.signIn("office1", "/rectification?report=" + report);
        assertThat(page.locator("[data-test=rect-problem]")).hasCount(2);
        assertThat(page.locator("[data-test=rect-uncovered]")).containsText("尚无整改任务");
        ConsoleBrowser.screenshot(page, "office1-rectification");
        // el-table keeps a hidden copy of its cells; the visible button is the one to press
        page.locator("[data-test=rect-confirm]:visible").first().click();
        assertThat(page.locator("[data-test=rect-confirmed]:visible").first()).hasText("已确认");
        as(task(), "office1").get("/api/problems/" + problem).then().statusCode(200)
                .body("links.status", hasItem("CONFIRMED"));

        for (String reader : List.of("leader1", "auditor1")) {
            Page read = browser.signIn(reader, "/rectification?report=" + report);
            assertThat(read.locator("[data-test=rect-problem]")).hasCount(2);
            assertThat(read.locator("[data-test=rect-confirm]")).hasCount(0);
            ConsoleBrowser.screenshot(read, reader + "-rectification");
        }
    }

    @Test
    void theOfficeEditsAUnitsKeywordsAndADepartmentOnlyReadsThem() {
        String word = "测试关键词" + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.signIn("office1", "/directory");
        ConsoleBrowser.screenshot(page, "office1-directory");
        page.locator("[data-test=edit-judicial-bureau]").click();
        var keywords = page.locator("input[data-test=unit-keywords]");
        keywords.fill(keywords.inputValue() + "、" + word);
        ConsoleBrowser.screenshot(page, "office1-directory-edit");
        page.locator("[data-test=unit-save]").click();
        assertThat(page.locator("[data-test=directory]")).containsText(word);
        as(task(), "office1").get("/api/departments/judicial-bureau").then().statusCode(200)
                .body("keywords", hasItem(word));

        Page department = browser.signIn("judicial1", "/directory");
        assertThat(department.locator("[data-test=directory]")).containsText(word);
        assertThat(department.locator("[data-test=edit-judicial-bureau]")).hasCount(0);
        assertThat(department.locator("nav a", new Page.LocatorOptions().setHasText("订阅与死信"))).hasCount(0);
        ConsoleBrowser.screenshot(department, "judicial1-directory");
    }

    @Test
    void theOfficeEntersAUnitsContactAndADepartmentSeesOnlyItsOwn() {
        // fictional people and numbers: the directory's contacts are personal data
        String person = "测试联系人" + UUID.randomUUID().toString().substring(0, 4);
        String neighbour = "邻局联系人" + UUID.randomUUID().toString().substring(0, 4);
        setContact("market-regulation", neighbour, "13800000000");

        Page page = browser.signIn("office1", "/directory");
        page.locator("[data-test=edit-judicial-bureau]").click();
        page.locator("input[data-test=unit-contactName]").fill(person);
        page.locator("input[data-test=unit-contactPhone]").fill("0595-123");
        page.locator("input[data-test=unit-contactEmail]").fill("sfj@example.gov.cn");
        page.locator("[data-test=unit-save]").click();
        // task-service's words, next to the phone field, and the dialog stays open to correct it
        assertThat(page.locator("[data-test=unit-field-contactPhone] .el-form-item__error"))
                .containsText("联系电话格式不正确");
        assertThat(page.locator("[data-test=unit-field-contactName] .el-form-item__error")).hasCount(0);
        ConsoleBrowser.screenshot(page, "office1-directory-contact-error");
        page.locator("input[data-test=unit-contactPhone]").fill("0595-20000000转801");
        page.locator("[data-test=unit-save]").click();
        assertThat(page.locator("[data-test=contact-judicial-bureau]")).hasText(person);
        assertThat(page.locator("[data-test=phone-judicial-bureau]")).hasAttribute("href", "tel:059520000000;ext=801");
        assertThat(page.locator("[data-test=contact-market-regulation]")).hasText(neighbour);
        ConsoleBrowser.screenshot(page, "office1-directory-contacts");
        as(task(), "office1").get("/api/departments/judicial-bureau").then().statusCode(200)
                .body("contactName", equalTo(person)).body("contactPhone", equalTo("0595-20000000转801"))
                .body("contactEmail", equalTo("sfj@example.gov.cn"));

        Page department = browser.signIn("judicial1", "/directory");
        assertThat(department.locator("[data-test=contact-judicial-bureau]")).hasText(person);
        assertThat(department.locator("[data-test=contact-market-regulation]")).hasText("—");
        assertThat(department.locator("[data-test=directory]")).not().containsText(neighbour);
        assertThat(department.locator("[data-test=directory]")).not().containsText("13800000000");
        ConsoleBrowser.screenshot(department, "judicial1-directory-contacts");
        as(task(), "judicial1").get("/api/departments/judicial-bureau").then().statusCode(200)
                .body("contactName", equalTo(person));
        as(task(), "judicial1").get("/api/departments/market-regulation").then().statusCode(200)
                .body("name", notNullValue()).body("contactName", nullValue()).body("contactPhone", nullValue());
        as(task(), "leader1").get("/api/departments/market-regulation").then().statusCode(200)
                .body("contactName", equalTo(neighbour));
    }

    /** Gives a unit a contact through the API, keeping the rest of it as it is. */
    private static void setContact(String unit, String name, String phone) {
        var current = as(task(), "office1").get("/api/departments/" + unit).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("name", "kind", "parent", "shortNames", "aliases", "keywords")) {
            body.put(field, current.path(field));
        }
        body.put("contactName", name);
        body.put("contactPhone", phone);
        as(task(), "office1").contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                .put("/api/departments/" + unit).then().statusCode(200);
    }

    @Test
    void theOfficeAddsASubscriptionAndSeesTheDeadLetters() {
        String address = "fzb-" + UUID.randomUUID().toString().substring(0, 8) + "@licheng.gov.cn";
        Page page = browser.signIn("office1", "/subscriptions");
        assertThat(page.locator("[data-test=dead-letters]")).isVisible();
        page.locator("[data-test=sub-add]").click();
        // the console checks the address before the service does
        page.locator("input[data-test=sub-target-input]").fill("不是邮箱");
        page.locator("[data-test=sub-save]").click();
        assertThat(page.locator(".el-form-item__error").first()).hasText("邮件地址格式不正确");
        page.locator("input[data-test=sub-target-input]").fill(address);
        page.locator("[data-test=sub-save]").click();
        // the list is read again with the dead letters after the save: on a busy CI machine that took over 5 s once
        assertThat(page.locator("[data-test=subscriptions]")).containsText(address,
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        as(notification(), "office1").get("/api/subscriptions").then().statusCode(200)
                .body("items.target", hasItem(address));
        ConsoleBrowser.screenshot(page, "office1-subscriptions");
    }

    @Test
    void theWeeklyDigestRendersForTheOfficeAndLeaders() {
        for (String reader : List.of("office1", "leader1", "auditor1")) {
            Page page = browser.signIn(reader, "/digest");
            assertThat(page.locator("[data-test=digest-title]")).containsText("督办周报");
            assertThat(page.locator("[data-test=digest-red]")).containsText("逾期事项（红灯）");
            assertThat(page.locator("[data-test=digest-changed]")).isVisible();
            ConsoleBrowser.screenshot(page, reader + "-digest");
        }
        // a department's navigation has no 周报, and the service refuses it the whole district's digest
        Page department = browser.signIn("judicial1", "/tasks");
        assertThat(department.locator("nav a", new Page.LocatorOptions().setHasText("周报"))).hasCount(0);
        as(notification(), "judicial1").get("/api/digest").then().statusCode(403);
    }
}
