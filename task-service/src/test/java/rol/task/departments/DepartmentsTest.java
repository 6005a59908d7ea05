package rol.task.departments;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.report.ReportPublishedV1;
import rol.task.plan.PublishedReports;
import rol.testsupport.StackResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The department directory in the database: seeded once from licheng.yaml, kept by the office, used by suggestions. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class DepartmentsTest {

    @Inject
    DirectoryStore store;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void theSeedIsLoadedOnceAndEveryRoleReadsIt() {
        assertEquals(0, store.seedIfEmpty("licheng"), "a district that has departments is not seeded again");
        for (Runnable who : List.<Runnable>of(As::office, As::judicial, As::leader, As::auditor)) {
            who.run();
            given().get("/api/departments").then().statusCode(200)
                    .body("district", equalTo("licheng"))
                    .body("total", greaterThan(30))
                    .body("items.id", hasItem("judicial-bureau"))
                    .body("items.find { it.id == 'administrative-review-section' }.parent", equalTo("judicial-bureau"));
        }
        given().get("/api/departments/judicial-bureau").then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("泉州市鲤城区司法局")).body("displayName", equalTo("区司法局"))
                .body("kind", equalTo("government"));
        given().get("/api/departments/ministry-of-magic").then().statusCode(404).contentType("application/problem+json");
        As.nobody();
        given().get("/api/departments").then().statusCode(401);
    }

    @Test
    void onlyTheOfficeWritesTheDirectory() {
        for (Runnable who : List.<Runnable>of(As::judicial, As::leader, As::auditor)) {
            who.run();
            given().contentType("application/json").body(Map.of("id", "x-bureau", "name", "某局", "kind", "government"))
                    .post("/api/departments").then().statusCode(403);
            given().contentType("application/json").body(Map.of("name", "某局", "kind", "government"))
                    .put("/api/departments/judicial-bureau").then().statusCode(403);
        }
        As.nobody();
        given().contentType("application/json").body(Map.of()).post("/api/departments").then().statusCode(401);
    }

    @Test
    void theOfficeAddsAUnitAndSuggestionsUseIt() {
        As.office();
        given().contentType("application/json").body(Map.of("id", "data-bureau", "name", "泉州市鲤城区数据管理局",
                        "kind", "government", "shortNames", List.of("区数据局"), "keywords", List.of("数字政府")))
                .post("/api/departments").then().statusCode(201).header("Location", containsString("/api/departments/data-bureau"))
                .body("displayName", equalTo("区数据局"));
        given().contentType("application/json").body(Map.of("id", "data-bureau", "name", "重复", "kind", "government"))
                .post("/api/departments").then().statusCode(409);

        String reportId = UUID.randomUUID().toString();
        PublishedReports.publish(new ReportPublishedV1(reportId, "licheng", "泉州市鲤城区司法局", "报告", 2024, 2025,
                List.of(new ReportPublishedV1.PlanItem("p1", null, null, "加快数字政府建设。", true, null)), List.of()));
        given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200)
                .body("items[0].suggestion.leadDepartment", equalTo("data-bureau"))
                .body("items[0].suggestion.reasons.leadDepartment.rule", equalTo("KEYWORD"))
                .body("items[0].suggestion.reasons.leadDepartment.words", equalTo("数字政府"));
    }

    @Test
    void badUnitsAre400NamingTheField() {
        As.office();
        given().contentType("application/json").body(Map.of("id", "new-section", "name", "某科", "kind", "unit",
                        "parent", "no-such-bureau"))
                .post("/api/departments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parent")).body("errors[0].message", containsString("no-such-bureau"));
        given().contentType("application/json").body(Map.of("id", "Bad Id", "name", "某局", "kind", "bureau"))
                .post("/api/departments").then().statusCode(400)
                .body("errors.field", hasItem("id")).body("errors.field", hasItem("kind"));
        given().contentType("application/json").body(Map.of("id", "copy-bureau", "name", "某局", "kind", "government",
                        "shortNames", List.of("区司法局")))
                .post("/api/departments").then().statusCode(400).body("errors[0].field", equalTo("shortNames"));
        // a unit cannot be made the parent of its own parent
        given().contentType("application/json").body(Map.of("name", "泉州市鲤城区司法局", "kind", "unit",
                        "parent", "administrative-review-section", "shortNames", List.of("区司法局", "司法局")))
                .put("/api/departments/judicial-bureau").then().statusCode(400).body("errors[0].field", equalTo("parent"));
        given().get("/api/departments/new-section").then().statusCode(404);
    }

    @Test
    void anEditHonoursIfMatch() {
        As.office();
        given().contentType("application/json").body(Map.of("id", "archives-bureau", "name", "泉州市鲤城区档案馆",
                "kind", "government")).post("/api/departments").then().statusCode(201);
        String etag = given().get("/api/departments/archives-bureau").then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "泉州市鲤城区档案馆", "kind", "government", "shortNames", List.of("区档案馆")))
                .put("/api/departments/archives-bureau").then().statusCode(200).body("displayName", equalTo("区档案馆"));
        given().contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "改名", "kind", "government"))
                .put("/api/departments/archives-bureau").then().statusCode(412).contentType("application/problem+json");
        given().get("/api/departments/archives-bureau").then().body("name", equalTo("泉州市鲤城区档案馆"));
    }
}
