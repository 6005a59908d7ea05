package rol.task.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.task.lifecycle.TaskFixture.*;

/**
 * Input checked one way (platform's Violations, no Bean Validation): a request without its body, and broken list
 * parameters, answered with the same problem+json as before, every broken rule named at once.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class InputChecksTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static void bodyMissing(String method, String path) {
        json().request(method, path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:validation"))
                .body("title", equalTo("提交的内容不符合要求"))
                .body("errors.field", contains("body"))
                .body("errors.message", contains("请求没有内容，请填写后重新提交。"));
    }

    @Test
    void everyEndpointThatNeedsABodySaysSoWhenItIsMissing() {
        String draft = draft();
        As.office();
        bodyMissing("POST", "/api/tasks/" + draft + "/dispatch");

        String task = draft();
        acknowledged(task);
        As.office();
        String milestone = post(task, "milestones", Map.of("title", "完成抽查", "dueDate", today().plusDays(10).toString()))
                .statusCode(201).extract().path("id");
        As.judicial();
        String request = post(task, "extension-requests", Map.of("newDeadline", today().plusDays(90).toString(),
                "reason", "需要更多时间")).statusCode(201).extract().path("id");
        bodyMissing("POST", "/api/tasks/" + task + "/extension-requests");
        bodyMissing("POST", "/api/tasks/" + task + "/progress");
        As.office();
        long version = version(task);
        bodyMissing("PATCH", "/api/tasks/" + task);
        bodyMissing("POST", "/api/tasks/" + task + "/reassign");
        bodyMissing("POST", "/api/tasks/" + task + "/extension-requests/" + request + "/decision");
        bodyMissing("POST", "/api/tasks/" + task + "/milestones");
        bodyMissing("PUT", "/api/tasks/" + task + "/milestones/" + milestone);
        bodyMissing("POST", "/api/departments");
        bodyMissing("PUT", "/api/departments/judicial-bureau");
        bodyMissing("POST", "/api/problems/" + UUID.randomUUID() + "/links");
        assertEquals(version, version(task), "nothing changed");
    }

    @Test
    void brokenListParametersAreNamedAllAtOnce() {
        As.office();
        given().queryParam("page", -1).queryParam("size", 0).queryParam("sort", "drop table").get("/api/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:validation"))
                .body("errors.field", contains("page", "size", "sort"))
                .body("errors.message", contains("页码不能小于 0。", "每页条数应在 1 至 200 之间。",
                        "排序字段只能是 deadline、createdAt、title、percent、state、updatedAt 之一（前加 - 表示倒序）。"));
        given().queryParam("size", 201).get("/api/tasks").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("size", 200).queryParam("sort", "-deadline").get("/api/tasks").then().statusCode(200);
        given().queryParam("sort", "title;").get("/api/ledger").then().statusCode(400)
                .body("errors.field", equalTo(List.of("sort")));
    }
}
