package rol.task.departments;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static rol.task.lifecycle.TaskFixture.rows;

/**
 * A unit's contact (联系人, 联系电话, 电子邮箱, 办公地址): kept by the office, read by the office, leaders and auditors
 * for every unit and by a department for its own unit only, never announced. Each test makes units of its own, so
 * that the seeded ones other tests count on stay as they are.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class DepartmentContactsTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void theOfficeEntersAContactAndEachRoleReadsWhatItMay() {
        As.office();
        String own = unit(Map.of("contactName", "张三", "contactPhone", "0595-20000001转801",
                "contactEmail", "zhangsan@example.gov.cn", "contactAddress", "某某路1号"))
                .body("contactName", equalTo("张三")).body("contactPhone", equalTo("0595-20000001转801"))
                .extract().path("id");
        String other = unit(Map.of("contactName", "李四", "contactPhone", "13800000002")).extract().path("id");

        for (Runnable reader : List.<Runnable>of(As::office, As::leader, As::auditor)) {
            reader.run();
            given().get("/api/departments/" + own).then().statusCode(200)
                    .body("contactName", equalTo("张三")).body("contactEmail", equalTo("zhangsan@example.gov.cn"))
                    .body("contactAddress", equalTo("某某路1号"));
            given().get("/api/departments").then().statusCode(200)
                    .body("items.find { it.id == '" + other + "' }.contactPhone", equalTo("13800000002"));
        }

        // the unit's own staff check what the office has on file
        As.user("staff1", "department", own);
        given().get("/api/departments/" + own).then().statusCode(200)
                .body("contactName", equalTo("张三")).body("contactPhone", equalTo("0595-20000001转801"));
        given().get("/api/departments").then().statusCode(200)
                .body("items.find { it.id == '" + own + "' }.contactName", equalTo("张三"))
                .body("items.find { it.id == '" + other + "' }.name", equalTo("测试单位" + other))
                .body("items.find { it.id == '" + other + "' }.contactName", nullValue())
                .body("items.find { it.id == '" + other + "' }.contactPhone", nullValue());
        // another unit's contact is hidden in the single view too, and so is every field of it
        String hidden = given().get("/api/departments/" + other).then().statusCode(200)
                .body("name", equalTo("测试单位" + other))
                .body("contactName", nullValue()).body("contactPhone", nullValue())
                .body("contactEmail", nullValue()).body("contactAddress", nullValue())
                .extract().asString();
        assertFalse(hidden.contains("13800000002") || hidden.contains("李四"), hidden);

        for (Runnable stranger : List.<Runnable>of(As::judicial, () -> As.user("nobody1", "department", null))) {
            stranger.run();
            given().get("/api/departments/" + own).then().statusCode(200).body("contactName", nullValue())
                    .body("contactPhone", nullValue()).body("contactEmail", nullValue());
            String list = given().get("/api/departments").then().statusCode(200).extract().asString();
            assertFalse(list.contains("0595-20000001") || list.contains("13800000002"), "no other unit's phone");
        }
    }

    @Test
    void contactsAreNotAnnounced() {
        As.office();
        String id = unit(Map.of("contactName", "王五", "contactPhone", "13800000003",
                "contactEmail", "wangwu@example.gov.cn")).extract().path("id");
        List<List<Object>> payloads = rows("select payload from outbox_event where event_key = ?", "licheng/" + id);
        assertEquals(1, payloads.size());
        String event = payloads.get(0).get(0).toString();
        assertFalse(event.contains("13800000003") || event.contains("王五") || event.contains("wangwu"), event);
    }

    @Test
    void anEditReplacesTheContactUnderIfMatch() {
        As.office();
        String id = unit(Map.of("contactName", "赵六", "contactPhone", "13800000004")).extract().path("id");
        String etag = given().get("/api/departments/" + id).then().header("ETag", "\"0\"").extract().header("ETag");
        Map<String, Object> edit = body(id, Map.of("contactName", "赵六", "contactPhone", "0595-20000004",
                "contactEmail", "zhaoliu@example.gov.cn"));
        given().contentType("application/json").header("If-Match", etag).body(edit)
                .put("/api/departments/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("contactPhone", equalTo("0595-20000004")).body("contactEmail", equalTo("zhaoliu@example.gov.cn"));
        // a second clerk still holding version 0 is refused and changes nothing
        given().contentType("application/json").header("If-Match", etag)
                .body(body(id, Map.of("contactName", "钱七", "contactPhone", "13800000005")))
                .put("/api/departments/" + id).then().statusCode(412).contentType("application/problem+json");
        given().get("/api/departments/" + id).then().body("contactName", equalTo("赵六"))
                .body("contactPhone", equalTo("0595-20000004"));
        // the whole unit is replaced: no contact fields, no contact
        given().contentType("application/json").header("If-Match", "\"1\"").body(body(id, Map.of()))
                .put("/api/departments/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("contactName", nullValue()).body("contactPhone", nullValue()).body("contactEmail", nullValue());
    }

    @Test
    void badContactsAre400NamingTheFieldInWords() {
        As.office();
        String id = unit(Map.of("contactName", "孙八", "contactPhone", "13800000006")).extract().path("id");
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("contactName", "孙八", "contactPhone", "12345"), "contactPhone");
        cases.put(Map.of("contactName", "孙八", "contactPhone", "电话0595-20000006"), "contactPhone");
        cases.put(Map.of("contactName", "孙八", "contactPhone", "1".repeat(41)), "contactPhone");
        cases.put(Map.of("contactName", "孙八", "contactPhone", "13800000006", "contactEmail", "sunba@"), "contactEmail");
        cases.put(Map.of("contactName", "孙".repeat(31), "contactPhone", "13800000006"), "contactName");
        cases.put(Map.of("contactName", "孙八", "contactPhone", "13800000006", "contactAddress", "路".repeat(201)),
                "contactAddress");
        cases.put(Map.of("contactEmail", "sunba@example.gov.cn"), "contactName");
        cases.forEach((contact, field) -> {
            given().contentType("application/json").header("If-Match", "\"0\"").body(body(id, contact))
                    .put("/api/departments/" + id).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field))
                    .body("errors.find { it.field == '" + field + "' }.message", containsString("。"));
        });
        given().contentType("application/json").header("If-Match", "\"0\"")
                .body(body(id, Map.of("contactName", "孙八", "contactPhone", "12345")))
                .put("/api/departments/" + id).then().statusCode(400)
                .body("errors[0].message", containsString("0595-22561234"));
        given().contentType("application/json").header("If-Match", "\"0\"")
                .body(body(id, Map.of("contactEmail", "sunba@example.gov.cn")))
                .put("/api/departments/" + id).then().statusCode(400)
                .body("errors.field", equalTo(List.of("contactName", "contactPhone")));
        // a new unit is refused the same way, and is not created
        String fresh = "contact-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> bad = new HashMap<>(body(fresh, Map.of("contactName", "孙八", "contactPhone", "0595-123")));
        bad.put("id", fresh);
        given().contentType("application/json").body(bad).post("/api/departments").then().statusCode(400)
                .body("errors[0].field", equalTo("contactPhone"));
        given().get("/api/departments/" + fresh).then().statusCode(404);
        given().get("/api/departments/" + id).then().header("ETag", "\"0\"").body("contactPhone", equalTo("13800000006"));
    }

    /** Creates a unit of its own (a fresh id) with the given contact fields; the answer, checked to be 201. */
    private static ValidatableResponse unit(Map<String, Object> contact) {
        String id = "contact-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> b = new HashMap<>(body(id, contact));
        b.put("id", id);
        return given().contentType("application/json").body(b).post("/api/departments").then().statusCode(201)
                .body("id", equalTo(id));
    }

    private static Map<String, Object> body(String id, Map<String, Object> contact) {
        Map<String, Object> b = new HashMap<>(contact);
        b.put("name", "测试单位" + id);
        b.put("kind", "government");
        return b;
    }
}
