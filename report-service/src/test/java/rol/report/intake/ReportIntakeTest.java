package rol.report.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload (multipart and raw), the same content again, reading, publishing with the event read back from the outbox. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    @Order(1) // the fixtures are new to the database only once
    void everyFixtureUploadedGives201WithTheStructureOfItsAnnotation() throws Exception {
        JsonNode expected = JSON.readTree(Samples.fixtures().resolve("expected.json").toFile());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            Path file = Samples.fixtures().resolve(e.getKey());
            Response r = given().multiPart("file", file.toFile(), "application/octet-stream")
                    .when().post("/api/reports");
            r.then().statusCode(201).header("Location", containsString("/api/reports/")).header("ETag", notNullValue())
                    .body("status", equalTo("DRAFT"));
            JsonNode got = JSON.readTree(r.asString());
            String source = given().get("/api/reports/" + got.get("id").asText() + "/source").asString();
            check(e.getKey(), e.getValue(), got, source, wrong);
            checked++;
        }
        assertEquals(5, checked, "the five fixtures");
        assertEquals(List.of(), wrong);
    }

    private static void check(String file, JsonNode exp, JsonNode got, String source, List<String> wrong) {
        if (!got.path("issuer").asText("").contains(exp.get("issuer").asText())) {
            wrong.add(file + " issuer " + got.path("issuer"));
        }
        for (String key : List.of("docNumber", "reportYear", "planYear", "issuedOn", "script")) {
            if (exp.has(key) && !exp.get(key).isNull() && !exp.get(key).asText().equals(got.path(key).asText())) {
                wrong.add(file + " " + key + ": " + got.path(key) + " expected " + exp.get(key));
            }
        }
        Set<String> recipients = new HashSet<>();
        got.get("recipients").forEach(x -> recipients.add(x.asText()));
        Set<String> wantRecipients = new HashSet<>();
        exp.get("recipients").forEach(x -> wantRecipients.add(x.asText()));
        if (!recipients.equals(wantRecipients)) {
            wrong.add(file + " recipients " + recipients);
        }
        List<JsonNode> leaves = new ArrayList<>();
        leaves(got.get("plan"), leaves);
        int min = exp.get("planCount").get(0).asInt();
        int max = exp.get("planCount").get(1).asInt();
        if (leaves.size() < min || leaves.size() > max) {
            wrong.add(file + " plan leaves " + leaves.size());
        }
        JsonNode problems = got.get("problems");
        if (problems.size() != exp.get("problems").size()) {
            wrong.add(file + " problems " + problems.size());
        }
        for (int i = 0; i < Math.min(problems.size(), exp.get("problems").size()); i++) {
            String want = exp.get("problems").get(i).asText();
            if (!normalized(problems.get(i).get("title").asText()).startsWith(want)) {
                wrong.add(file + " problem " + i + ": " + problems.get(i).get("title"));
            }
            String atSpan = span(source, problems.get(i).get("span"));
            if (!normalized(atSpan).contains(want.substring(0, 4))) {
                wrong.add(file + " problem " + i + " span points at: " + atSpan);
            }
        }
        for (JsonNode leaf : leaves) {
            if (span(source, leaf.get("span")).isBlank() || !leaf.get("id").asText().startsWith("plan-")) {
                wrong.add(file + " plan item " + leaf.get("id") + " without a span into the text");
            }
        }
        if (got.get("achievements").size() != exp.get("achievementThemes").asInt()) {
            wrong.add(file + " achievement themes " + got.get("achievements").size());
        }
        if (got.get("genre").isNull() || !got.get("warnings").isArray()) {
            wrong.add(file + " genre/warnings missing");
        }
    }

    private static void leaves(JsonNode items, List<JsonNode> out) {
        for (JsonNode item : items) {
            if (item.get("children").isEmpty()) {
                out.add(item);
            } else {
                leaves(item.get("children"), out);
            }
        }
    }

    private static String span(String source, JsonNode span) {
        int start = span.get("start").asInt();
        int end = span.get("end").asInt();
        return start >= 0 && end <= source.length() && start < end ? source.substring(start, end) : "";
    }

    /** The matching rule of expected.json: no white space or markdown markers, no leading enumerator. */
    private static String normalized(String s) {
        return s.replaceAll("[\\s*#]", "").replaceFirst("^(一是|二是|三是|四是|五是|[（(][一二三四五六七八九十]+[)）]|\\d+[.、．])", "");
    }

    @Test
    void theSameNewReportUploadedSeveralTimesAtOnceIsOneReport() throws Exception {
        byte[] text = Samples.report().getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(pool.submit(() -> given().multiPart("file", "r.txt", text).post("/api/reports")));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Future<Response> upload : uploads) {
                Response r = upload.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertEquals(1, statuses.stream().filter(code -> code == 201).count(), "one creates it: " + statuses);
            assertEquals(3, statuses.stream().filter(code -> code == 200).count(), "the others find it: " + statuses);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameTextAgainInAnotherEncodingIsTheSameReport() {
        String text = Samples.report();
        String id = given().multiPart("file", "报告.docx", text.getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/api/reports")
                .then().statusCode(201)
                .body("title", equalTo("某某区司法局关于2024年度法治政府建设情况的报告"))
                .body("issuer", equalTo("某某区司法局"))
                .body("docNumber", equalTo(null))
                .body("reportYear", equalTo(2024)).body("planYear", equalTo(2025))
                .body("issuedOn", equalTo("2025-02-17"))
                .body("recipients", equalTo(List.of("区委", "区政府")))
                .body("format", equalTo("TEXT")).body("charset", equalTo("UTF-8"))
                .body("script", equalTo("simplified")).body("genre", equalTo("RULE_OF_LAW_REPORT"))
                .body("contact.name", equalTo("张三丰")).body("contact.phone", equalTo("13812345678"))
                .body("plan.id", equalTo(List.of("plan-1", "plan-2", "plan-3")))
                .body("plan.title", equalTo(List.of("深化执法监督", "建设复议系统", "加强普法宣传")))
                .body("problems.id", equalTo(List.of("problem-1", "problem-2")))
                .body("achievements[0].items.id", equalTo(List.of("achievement-1.1", "achievement-1.2")))
                .body("achievements[0].items[1].metrics[0].value", equalTo("3"))
                .extract().path("id");

        // the type comes from the content (the name says .docx), the charset too: GB18030 bytes, same stored text
        given().contentType("text/plain").body(text.getBytes(Charset.forName("GB18030")))
                .when().post("/api/reports")
                .then().statusCode(200).body("id", equalTo(id)).body("charset", equalTo("UTF-8"));
        given().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/reports")
                .then().statusCode(200).body("id", equalTo(id));

        given().when().get("/api/reports").then().statusCode(200).body("items.id", hasItem(id));
        given().when().get("/api/reports/" + id + "/source")
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo(text));
    }

    @Test
    void aWebPageSavedFromTheSiteIsReadFromItsMainContent() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某区人民政府网</title>"
                + "</head><body><div class=\"nav\">首页 &gt; 政务公开 &gt; 法治政府建设</div><div class=\"article\">");
        for (String line : Samples.report().split("\n")) page.append("<p>").append(line).append("</p>");
        page.append("</div><div class=\"footer\">版权所有 网站地图</div></body></html>");
        String id = given().multiPart("file", "报告.html", page.toString().getBytes(StandardCharsets.UTF_8), "text/html")
                .when().post("/api/reports")
                .then().statusCode(201)
                .body("format", equalTo("HTML"))
                .body("title", equalTo("某某区司法局关于2024年度法治政府建设情况的报告"))
                .body("plan.title", equalTo(List.of("深化执法监督", "建设复议系统", "加强普法宣传")))
                .body("findings.part", hasItem("plan"))
                .extract().path("id");
        given().when().get("/api/reports/" + id + "/source")
                .then().statusCode(200).body(not(containsString("版权所有"))).body(not(containsString("<p>")));
    }

    @Test
    void issuerAndYearGivenWithTheUploadReplaceWhatTheParserFound() {
        given().contentType("text/markdown; charset=UTF-8").body(Samples.report()).queryParam("issuer", "某区司法局").queryParam("year", 2023)
                .when().post("/api/reports")
                .then().statusCode(201).body("issuer", equalTo("某区司法局"))
                .body("reportYear", equalTo(2023)).body("planYear", equalTo(2024));
        given().multiPart("file", "r.txt", Samples.report().getBytes(StandardCharsets.UTF_8))
                .multiPart(new MultiPartSpecBuilder("某区司法局（纠正）").controlName("issuer")
                        .charset(StandardCharsets.UTF_8).build()).multiPart("year", "2024")
                .when().post("/api/reports")
                .then().statusCode(201).body("issuer", equalTo("某区司法局（纠正）"))
                .body("reportYear", equalTo(2024)).body("planYear", equalTo(2025));
    }

    @Test
    void aYearOutOfRangeNamesTheField() {
        given().contentType("text/plain; charset=UTF-8").body(Samples.report()).queryParam("year", 1999)
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("年份应在 2000 至 2100 之间。"));
        given().multiPart("file", "r.txt", Samples.report().getBytes(StandardCharsets.UTF_8)).multiPart("year", "明年")
                .when().post("/api/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void listsFilterByStatusIssuerAndYear() {
        var received = given().contentType("text/plain; charset=UTF-8").body(Samples.report()).queryParam("issuer", "筛选测试局")
                .when().post("/api/reports").then().statusCode(201).extract();
        String id = received.path("id");
        int warnings = received.<List<?>>path("warnings").size();
        given().queryParam("issuer", "筛选测试").queryParam("year", 2024).queryParam("status", "DRAFT")
                .when().get("/api/reports")
                .then().statusCode(200).body("items.id", equalTo(List.of(id))).body("total", equalTo(1))
                .body("items[0].warnings", equalTo(warnings))
                .body("items[0].docNumber", equalTo(null)).body("items[0].issuedOn", equalTo("2025-02-17"));
        given().queryParam("issuer", "筛选测试").queryParam("status", "PUBLISHED")
                .when().get("/api/reports").then().statusCode(200).body("total", equalTo(0));
        // _ and % in the filter are characters, not wildcards
        given().queryParam("issuer", "筛选_试").queryParam("year", 2024)
                .when().get("/api/reports").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("issuer", "筛选%局").queryParam("year", 2024)
                .when().get("/api/reports").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void publishingWritesTheEventWithThePlanAndProblemsAndTheRelaySendsIt() throws Exception {
        String text = Samples.report();
        String id = given().contentType("text/plain; charset=UTF-8").body(text)
                .when().post("/api/reports").then().statusCode(201).extract().path("id");

        given().when().post("/api/reports/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());

        List<String> events = Samples.events(dataSource, id, "report.published.v1");
        assertEquals(1, events.size(), "one event, written with the state change");
        JsonNode event = JSON.readTree(events.get(0));
        assertEquals("report.published.v1", event.get("type").asText());
        assertEquals(id, event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("reportId").asText());
        assertEquals("licheng", data.get("district").asText());
        assertEquals("某某区司法局", data.get("issuer").asText());
        assertEquals("某某区司法局关于2024年度法治政府建设情况的报告", data.get("title").asText());
        assertEquals(2024, data.get("reportYear").asInt());
        assertEquals(2025, data.get("planYear").asInt());
        JsonNode plan = data.get("planItems");
        assertEquals(3, plan.size());
        assertEquals("plan-2", plan.get(1).get("id").asText());
        assertEquals("建设复议系统", plan.get(1).get("title").asText());
        assertTrue(plan.get(1).get("leaf").asBoolean());
        assertTrue(plan.get(1).get("parentId").isNull());
        String atSpan = text.substring(plan.get(1).get("span").get("start").asInt(), plan.get(1).get("span").get("end").asInt());
        assertTrue(atSpan.contains("建设复议系统"), atSpan);
        JsonNode problems = data.get("problems");
        assertEquals(2, problems.size());
        assertEquals("problem-1", problems.get(0).get("id").asText());
        assertEquals("普法形式缺乏创新", problems.get(0).get("title").asText());
        assertFalse(events.get(0).contains("13812345678"), "no personal data in events");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Samples.count(dataSource, "select count(*) from outbox_event where event_key = ? and sent_at is null", id) == 0);
    }

    @Test
    void aPublishedEventOfANestedPlanNamesParentsAndLeaves() throws Exception {
        Path gulou = Samples.fixtures().resolve("gulou-justice-bureau-2023.txt");
        // the fixture test may have stored it already: 201 or 200, the same report either way
        String id = given().contentType("text/plain").body(Files.readAllBytes(gulou))
                .when().post("/api/reports").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .extract().path("id");
        given().when().post("/api/reports/" + id + "/publish").then().statusCode(200);
        JsonNode plan = JSON.readTree(Samples.events(dataSource, id, "report.published.v1").get(0)).get("data").get("planItems");
        List<JsonNode> themes = new ArrayList<>();
        int leaves = 0;
        for (JsonNode item : plan) {
            if (item.get("leaf").asBoolean()) {
                leaves++;
                assertFalse(item.get("parentId").isNull(), "every leaf of gulou's plan is under a theme: " + item);
                assertTrue(themes.stream().anyMatch(t -> t.get("id").asText().equals(item.get("parentId").asText())),
                        "the theme comes before its items: " + item.get("id"));
            } else {
                themes.add(item);
                assertNull(item.get("parentId").textValue());
            }
        }
        assertEquals(5, themes.size());
        assertEquals(14, leaves);
    }

    @Test
    void publishingTwiceIsAConflictNamingTheState() throws SQLException {
        String id = given().contentType("text/plain; charset=UTF-8").body(Samples.report())
                .when().post("/api/reports").then().statusCode(201).extract().path("id");
        given().when().post("/api/reports/" + id + "/publish").then().statusCode(200);

        given().when().post("/api/reports/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("PUBLISHED"))
                .body("detail", containsString("已发布"));
        assertEquals(1, Samples.events(dataSource, id, "report.published.v1").size(), "the refused publish wrote no second event");
    }

    @Test
    void anUnknownReportIs404() {
        given().when().get("/api/reports/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("报告"));
        given().when().post("/api/reports/" + UUID.randomUUID() + "/publish")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/reports/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).body("detail", not(containsString("{")));
    }
}
