package rol.task.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.task.lifecycle.TaskFixture.acknowledged;
import static rol.task.lifecycle.TaskFixture.draft;
import static rol.task.lifecycle.TaskFixture.json;
import static rol.task.lifecycle.TaskFixture.state;
import static rol.task.lifecycle.TaskFixture.version;
import static rol.testsupport.ProblemAnswers.assertProblem;
import static rol.testsupport.ProblemAnswers.raw;

/**
 * Requests refused before our code runs (by RESTEasy, Jackson or Vert.x) are answered like every other refusal:
 * problem+json in Chinese, no stack trace, and nothing stored.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class RefusedRequestsTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static String acknowledgedTask() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        return task;
    }

    private static void assertUntouched(String task) {
        assertEquals("ACKNOWLEDGED", state(task));
        assertEquals(2, version(task));
    }

    @Test
    void aBodyOfAnotherTypeIs415() {
        String task = acknowledgedTask();
        assertProblem(given().contentType("text/plain").body("percent=10").post("/api/tasks/" + task + "/progress"), 415)
                .body("type", equalTo("urn:rol:problem:http-415"));
        assertProblem(given().contentType("application/xml").body("<percent>10</percent>")
                .post("/api/tasks/" + task + "/progress"), 415);
        As.office();
        assertProblem(given().contentType("application/x-www-form-urlencoded").formParam("title", "新标题")
                .patch("/api/tasks/" + task), 415);
        assertProblem(given().contentType("text/plain").body("true").put("/api/tasks/" + task + "/key-supervision"), 415);
        assertUntouched(task);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        String task = acknowledgedTask();
        byte[] body = "{\"percent\": 10}".getBytes(StandardCharsets.UTF_8);
        raw("POST", "/api/tasks/" + task + "/progress", body, "Content-Length: " + body.length).assertProblem(415);
        assertUntouched(task);
    }

    @Test
    void anAcceptWeCannotProduceIs406() {
        String task = acknowledgedTask();
        assertProblem(given().accept("application/xml").get("/api/tasks/" + task), 406)
                .body("type", equalTo("urn:rol:problem:http-406"));
        assertProblem(given().accept("text/csv").get("/api/tasks"), 406);
        assertProblem(json().accept("text/html").body(Map.of("percent", 10)).post("/api/tasks/" + task + "/progress"), 406);
        assertUntouched(task);
    }

    @Test
    void aMethodThePathDoesNotTakeIs405AndSaysWhichItTakes() {
        String task = acknowledgedTask();
        assertProblem(given().delete("/api/tasks/" + task), 405)
                .body("type", equalTo("urn:rol:problem:http-405")).header("Allow", containsString("GET"));
        assertProblem(json().body(Map.of("percent", 10)).put("/api/tasks/" + task + "/progress"), 405)
                .header("Allow", containsString("POST"));
        assertProblem(given().delete("/api/tasks"), 405);
        assertUntouched(task);
    }

    @Test
    void anUnknownPathUnderApiIs404() {
        String task = acknowledgedTask();
        assertProblem(given().get("/api/no-such-thing"), 404).body("type", equalTo("urn:rol:problem:http-404"));
        assertProblem(given().get("/api/tasks/" + task + "/no-such-thing"), 404);
        assertProblem(json().body(Map.of("percent", 10)).post("/api/tasks/" + task + "/no-such-action"), 404);
        assertProblem(given().get("/api"), 404);
        assertUntouched(task);
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        String task = acknowledgedTask();
        assertProblem(json().body("{\"percent\": ").post("/api/tasks/" + task + "/progress"), 400)
                .body("type", equalTo("urn:rol:problem:malformed-json")).body("detail", containsString("第 1 行"));
        assertProblem(json().body("{percent: 10}").post("/api/tasks/" + task + "/progress"), 400)
                .body("type", equalTo("urn:rol:problem:malformed-json"));
        assertProblem(json().body("[10]").post("/api/tasks/" + task + "/progress"), 400);
        assertProblem(json().body("").post("/api/tasks/" + task + "/progress"), 400);
        assertUntouched(task);
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() {
        String task = acknowledgedTask();
        assertProblem(json().body("{\"percent\": \"abc\"}").post("/api/tasks/" + task + "/progress"), 400)
                .body("type", equalTo("urn:rol:problem:validation"))
                .body("errors[0].field", equalTo("percent")).body("errors[0].message", containsString("“percent”"));
        assertProblem(json().body("{\"percent\": 10, \"metrics\": [{\"label\": \"案件\", \"value\": \"很多\"}]}")
                .post("/api/tasks/" + task + "/progress"), 400).body("errors[0].field", equalTo("metrics[0].value"));
        assertProblem(json().body("{\"newDeadline\": \"2026-13-45\", \"reason\": \"来不及\"}")
                .post("/api/tasks/" + task + "/extension-requests"), 400).body("errors[0].field", equalTo("newDeadline"));
        As.office();
        assertProblem(json().body("{\"flagged\": \"maybe\"}").put("/api/tasks/" + task + "/key-supervision"), 400)
                .body("errors[0].field", equalTo("flagged"));
        assertProblem(json().body("{\"coDepartments\": {\"a\": 1}}").patch("/api/tasks/" + task), 400)
                .body("errors[0].field", equalTo("coDepartments"));
        assertUntouched(task);
    }

    /** The announced length is over quarkus.http.limits.max-body-size: refused before the body is read. */
    @Test
    void aBodyOverTheLimitIs413() {
        String task = acknowledgedTask();
        byte[] start = "{\"note\": \"".getBytes(StandardCharsets.UTF_8);
        raw("POST", "/api/tasks/" + task + "/progress", start,
                "Content-Type: application/json", "Content-Length: " + 200L * 1024 * 1024).assertProblem(413);
        assertUntouched(task);
    }
}
