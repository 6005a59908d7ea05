package rol.report.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corrections of a report: each kept in the history, ids stable, stale writes refused, revisions announced. */
@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportCorrectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private String draft() {
        return given().contentType("text/plain; charset=UTF-8").body(Samples.report())
                .when().post("/api/reports").then().statusCode(201).extract().path("id");
    }

    private String etag(String id) {
        return given().get("/api/reports/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void editingAPlanItemKeepsItsIdAndSpanAndIsInTheHistory() {
        String id = draft();
        String etag = etag(id);
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("text", "深化行政执法协调监督，年内覆盖全部街道。"))
                .when().put("/api/reports/" + id + "/plan/plan-1")
                .then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("plan[0].id", equalTo("plan-1"))
                .body("plan[0].title", equalTo("深化行政执法协调监督，年内覆盖全部街道"))
                .body("plan[0].text", equalTo("深化行政执法协调监督，年内覆盖全部街道。"))
                .body("plan[0].span", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("DRAFT"));

        given().get("/api/reports/" + id + "/history").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("edit")).body("items[0].part", equalTo("plan"))
                .body("items[0].itemIds", equalTo(List.of("plan-1")))
                .body("items[0].actor", equalTo("office1"))
                .body("items[0].at", org.hamcrest.Matchers.notNullValue())
                .body("items[0].before.title", equalTo("深化执法监督"))
                .body("items[0].after.text", equalTo("深化行政执法协调监督，年内覆盖全部街道。"));
    }

    /** The one If-Match reading of platform (IfMatchTest has every kind): what is not an ETag is 400, a list may match. */
    @Test
    void aMalformedIfMatchIs400AndChangesNothing() {
        String id = draft();
        String etag = etag(id);
        // (an empty header reaches the resource as none at all: IfMatchTest covers it)
        for (String header : List.of("abc", "1", "W/1", "\"1\",,\"2\"")) {
            given().contentType(ContentType.JSON).header("If-Match", header).body(Map.of("issuer", "别的局"))
                    .when().patch("/api/reports/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:rol:problem:if-match-malformed"))
                    .body("title", equalTo("版本标记格式不正确")).body("detail", containsString("If-Match"));
        }
        given().header("If-Match", "garbage").when().post("/api/reports/" + id + "/publish").then().statusCode(400);
        assertEquals(etag, etag(id));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\", " + etag).body(Map.of("issuer", "某区司法局"))
                .when().patch("/api/reports/" + id).then().statusCode(200).body("issuer", equalTo("某区司法局"));
        given().contentType(ContentType.JSON).header("If-Match", "W/" + etag(id)).body(Map.of("issuer", "某区司法局法治科"))
                .when().patch("/api/reports/" + id).then().statusCode(200);
    }

    @Test
    void aWriteWithAStaleETagIs412AndChangesNothing() {
        String id = draft();
        String seen = etag(id);
        // the other clerk corrects first
        given().contentType(ContentType.JSON).header("If-Match", seen).body(Map.of("issuer", "某区司法局"))
                .when().patch("/api/reports/" + id).then().statusCode(200).body("issuer", equalTo("某区司法局"));
        given().contentType(ContentType.JSON).header("If-Match", seen).body(Map.of("issuer", "别的局"))
                .when().patch("/api/reports/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("title", equalTo("报告已被他人修改")).body("detail", containsString("刷新"));
        given().header("If-Match", seen).when().delete("/api/reports/" + id + "/problems/problem-1").then().statusCode(412);
        given().header("If-Match", seen).when().post("/api/reports/" + id + "/publish").then().statusCode(412);
        given().get("/api/reports/" + id).then().body("issuer", equalTo("某区司法局")).body("problems", hasSize(2))
                .body("status", equalTo("DRAFT"));
        given().get("/api/reports/" + id + "/history").then().body("total", equalTo(1));
    }

    @Test
    void metadataIsFixedFieldByFieldWithBeforeAndAfter() {
        String id = draft();
        given().contentType(ContentType.JSON)
                .body("{\"docNumber\":\"某司〔2025〕5号\",\"reportYear\":2024,\"planYear\":2025,\"issuedOn\":\"2025-02-18\","
                        + "\"recipients\":[\"区委\",\"区政府\",\"区人大\"],\"signatory\":null}")
                .when().patch("/api/reports/" + id)
                .then().statusCode(200).body("docNumber", equalTo("某司〔2025〕5号"))
                .body("issuedOn", equalTo("2025-02-18")).body("recipients", hasSize(3));
        given().get("/api/reports/" + id + "/history").then()
                .body("items[0].action", equalTo("metadata"))
                .body("items[0].before.docNumber", nullValue())
                .body("items[0].before.issuedOn", equalTo("2025-02-17"))
                .body("items[0].after.docNumber", equalTo("某司〔2025〕5号"));
        given().queryParam("year", 2024).get("/api/reports").then().body("items.docNumber", hasItem("某司〔2025〕5号"));

        given().contentType(ContentType.JSON).body("{\"content\":\"x\"}")
                .when().patch("/api/reports/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("content"));
        given().contentType(ContentType.JSON).body("{\"reportYear\":\"明年\"}")
                .when().patch("/api/reports/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("reportYear"));
        given().get("/api/reports/" + id + "/history").then().body("total", equalTo(1));
    }

    @Test
    void splitKeepsTheFirstIdAndMergeKeepsTheFirstInDocumentOrder() {
        String id = draft();
        Response split = given().contentType(ContentType.JSON)
                .body(Map.of("parts", List.of(Map.of("text", "一是普法形式"), Map.of("title", "缺乏创新", "text", "缺乏创新"))))
                .when().post("/api/reports/" + id + "/problems/problem-1/split");
        split.then().statusCode(200).body("problems.id", equalTo(List.of("problem-1", "problem-x1", "problem-2")))
                .body("problems[1].title", equalTo("缺乏创新"));
        String source = given().get("/api/reports/" + id + "/source").asString();
        int start = split.path("problems[1].span.start");
        int end = split.path("problems[1].span.end");
        assertEquals("缺乏创新", source.substring(start, end), "a piece written verbatim keeps its place in the text");

        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("plan-3", "plan-2"), "title", "复议与普法"))
                .when().post("/api/reports/" + id + "/plan/merge")
                .then().statusCode(200).body("plan.id", equalTo(List.of("plan-1", "plan-2")))
                .body("plan[1].title", equalTo("复议与普法"))
                .body("plan[1].text", containsString("建设复议系统"))
                .body("plan[1].text", containsString("加强普法宣传"));

        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("achievement-1", "achievement-1.2")))
                .when().post("/api/reports/" + id + "/achievements/merge")
                .then().statusCode(400).body("errors[0].field", equalTo("ids"));

        given().get("/api/reports/" + id + "/history").then().body("items.action", equalTo(List.of("split", "merge")))
                .body("items[1].itemIds", equalTo(List.of("plan-3", "plan-2")))
                .body("items[1].before", hasSize(2));
    }

    @Test
    void addedItemsGetIdsThatAreNeverReused() {
        String id = draft();
        Response first = given().contentType(ContentType.JSON)
                .body(Map.of("parentId", "achievement-1", "after", "achievement-1.1", "text", "培训执法人员 120 人次。"))
                .when().post("/api/reports/" + id + "/achievements");
        first.then().statusCode(201).header("Location", containsString("/achievements/achievement-x1"))
                .body("achievements[0].items.id", equalTo(List.of("achievement-1.1", "achievement-x1", "achievement-1.2")))
                .body("achievements[0].items[1].span", nullValue());
        given().when().delete("/api/reports/" + id + "/achievements/achievement-x1").then().statusCode(200)
                .body("achievements[0].items", hasSize(2));
        given().contentType(ContentType.JSON).body(Map.of("text", "新增一项"))
                .when().post("/api/reports/" + id + "/plan")
                .then().statusCode(201).body("plan.id", equalTo(List.of("plan-1", "plan-2", "plan-3", "plan-x2")));
        given().contentType(ContentType.JSON).body(Map.of("text", "改"))
                .when().put("/api/reports/" + id + "/achievements/achievement-x1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("找不到要修改的条目"));
        given().contentType(ContentType.JSON).body(Map.of("parentId", "problem-1", "text", "下级"))
                .when().post("/api/reports/" + id + "/problems")
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        given().get("/api/reports/" + id + "/history").then().body("items.action", equalTo(List.of("add", "delete", "add")))
                .body("items[0].before", nullValue())
                .body("items[1].after", nullValue());
    }

    @Test
    void aCorrectionAfterPublishingEmitsARevisedEventWithTheRevisionNumber() throws Exception {
        String id = draft();
        given().post("/api/reports/" + id + "/publish").then().statusCode(200);
        given().when().delete("/api/reports/" + id + "/plan/plan-2")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("revision", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("title", "深化执法监督", "text", "深化执法监督，全年开展评议。"))
                .when().put("/api/reports/" + id + "/plan/plan-1")
                .then().statusCode(200).body("revision", equalTo(2));

        List<String> revised = Samples.events(dataSource, id, "report.revised.v1");
        assertEquals(2, revised.size());
        JsonNode first = JSON.readTree(revised.get(0)).get("data");
        assertEquals(1, first.get("revision").asInt());
        assertEquals(id, first.get("reportId").asText());
        assertEquals(List.of("plan-1", "plan-3"), ids(first.get("planItems")));
        assertEquals(2, first.get("problems").size());
        JsonNode second = JSON.readTree(revised.get(1)).get("data");
        assertEquals(2, second.get("revision").asInt());
        assertEquals("深化执法监督，全年开展评议。", second.get("planItems").get(0).get("text").asText());
        assertTrue(second.get("planItems").get(0).get("leaf").asBoolean());
        assertEquals(1, Samples.events(dataSource, id, "report.published.v1").size());
        given().get("/api/reports/" + id + "/history").then().body("items.revision", equalTo(List.of(1, 2)));
    }

    @Test
    void correctionsOfADraftEmitNoEvent() throws Exception {
        String id = draft();
        given().when().delete("/api/reports/" + id + "/plan/plan-2").then().statusCode(200);
        assertEquals(List.of(), Samples.events(dataSource, id, "report.revised.v1"));
        given().post("/api/reports/" + id + "/publish").then().statusCode(200);
        JsonNode published = JSON.readTree(Samples.events(dataSource, id, "report.published.v1").get(0)).get("data");
        assertEquals(List.of("plan-1", "plan-3"), ids(published.get("planItems")), "the event carries the corrected plan");
        assertNotEquals(0, published.get("planItems").get(1).get("span").get("start").asInt());
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new java.util.ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }
}
