package rol.task.idempotency;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;
import rol.testsupport.TestStack;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.task.lifecycle.TaskFixture.*;

/**
 * PostgreSQL really stops (SIGKILL of the test stack's postmaster, as a crash would): every answer meanwhile is a
 * 503 problem in Chinese with Retry-After, never a 500; after a restart through {@code ./stack} the service serves
 * again by itself, and the client's retry with its Idempotency-Key takes effect exactly once.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class DatabaseOutageTest {

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void whileTheDatabaseIsDownEveryAnswerIs503AndARetryAfterItsReturnActsOnce() {
        String task = draft();
        As.office();
        String key = UUID.randomUUID().toString();
        TestStack.MODULE.kill("postgres");
        try {
            assertUnavailable(given().get("/api/tasks"));
            assertUnavailable(given().get("/api/tasks/" + task));
            assertUnavailable(json().header(IdempotencyKeys.HEADER, key).body(dispatchBody())
                    .post("/api/tasks/" + task + "/dispatch"));
        } finally {
            TestStack.MODULE.up("postgres");
        }
        // the pool checks a connection that sat idle before handing it out: no request needs to fail first
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/api/tasks/" + task).statusCode() == 200);
        json().header(IdempotencyKeys.HEADER, key).body(dispatchBody()).post("/api/tasks/" + task + "/dispatch")
                .then().statusCode(200);
        json().header(IdempotencyKeys.HEADER, key).body(dispatchBody()).post("/api/tasks/" + task + "/dispatch")
                .then().statusCode(200).header(IdempotencyKeys.REPLAYED_HEADER, "true");
        assertEquals("DISPATCHED", state(task));
        assertEquals(1, types(task).stream().filter("task.dispatched.v1"::equals).count());
    }

    private static void assertUnavailable(Response answer) {
        answer.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:rol:problem:database-unavailable"))
                .body("title", containsString("数据库"));
    }
}
