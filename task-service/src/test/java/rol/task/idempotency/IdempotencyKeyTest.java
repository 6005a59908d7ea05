package rol.task.idempotency;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/** Idempotency-Key on task-service's writes: a retry gets the first answer and changes nothing a second time. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class IdempotencyKeyTest {

    @Inject
    IdempotencyStore store;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static Response progress(String task, String key, int percent) {
        return json().header(IdempotencyKeys.HEADER, key).body(Map.of("percent", percent, "note", "第" + percent + "次反馈"))
                .post("/api/tasks/" + task + "/progress");
    }

    private static long progressEvents(String task) {
        return types(task).stream().filter(t -> String.valueOf(t).contains("progress")).count();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndReportsProgressOnce() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String key = UUID.randomUUID().toString();
        Response first = progress(task, key, 40);
        first.then().statusCode(200);
        long events = progressEvents(task);
        long history = count("select count(*) from task_history where task_id = cast(? as uuid)", task);

        Response again = progress(task, key, 40);
        again.then().statusCode(200).header(IdempotencyKeys.REPLAYED_HEADER, "true")
                .header("ETag", first.header("ETag"));
        assertEquals(first.jsonPath().getMap("$"), again.jsonPath().getMap("$"));
        assertEquals(events, progressEvents(task), "no second event");
        assertEquals(history, count("select count(*) from task_history where task_id = cast(? as uuid)", task));
        assertEquals(1, events);

        // a new key is a new report
        progress(task, UUID.randomUUID().toString(), 40).then().statusCode(200);
        assertEquals(events + 1, progressEvents(task));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused422AndChangesNothing() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String key = UUID.randomUUID().toString();
        progress(task, key, 40).then().statusCode(200);
        long version = version(task);
        progress(task, key, 60).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:idempotency-key-reused"));
        // another endpoint under the same key is a different request too
        json().header(IdempotencyKeys.HEADER, key).post("/api/tasks/" + task + "/submit").then().statusCode(422);
        assertEquals(version, version(task));
        assertEquals("IN_PROGRESS", state(task));
        assertEquals(1, progressEvents(task));
    }

    @Test
    void keysBelongToTheirCaller() {
        String task = draft();
        String key = UUID.randomUUID().toString();
        As.office();
        json().header(IdempotencyKeys.HEADER, key).body(dispatchBody()).post("/api/tasks/" + task + "/dispatch")
                .then().statusCode(200);
        As.judicial();
        // the department's first use of the same key string is its own: it runs
        json().header(IdempotencyKeys.HEADER, key).post("/api/tasks/" + task + "/acknowledge").then().statusCode(200)
                .header(IdempotencyKeys.REPLAYED_HEADER, (String) null);
        assertEquals("ACKNOWLEDGED", state(task));
    }

    @Test
    void aRefusedRequestIsNotStoredSoItsRetryIsJudgedAfresh() {
        String task = draft();
        As.judicial();
        String key = UUID.randomUUID().toString();
        // not dispatched yet: the task is not the department's, so it is answered as if it did not exist
        json().header(IdempotencyKeys.HEADER, key).post("/api/tasks/" + task + "/acknowledge").then().statusCode(404);
        dispatched(task);
        As.judicial();
        json().header(IdempotencyKeys.HEADER, key).post("/api/tasks/" + task + "/acknowledge").then().statusCode(200);
    }

    @Test
    void aCreatedMilestoneIsReplayedWithItsLocation() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("title", "完成案卷抽查", "dueDate", today().plusDays(10).toString());
        Response first = json().header(IdempotencyKeys.HEADER, key).body(body).post("/api/tasks/" + task + "/milestones");
        first.then().statusCode(201);
        json().header(IdempotencyKeys.HEADER, key).body(body).post("/api/tasks/" + task + "/milestones").then()
                .statusCode(201).header("Location", first.header("Location"));
        assertEquals(1, count("select count(*) from milestone where task_id = cast(? as uuid)", task));
    }

    @Test
    void concurrentRetriesRunOnce() throws Exception {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> progress(task, key, 40).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, progressEvents(task));
    }

    @Test
    void aMalformedKeyIsRefused400() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        progress(task, "两个 字", 40).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(IdempotencyKeys.HEADER));
        assertEquals(0, progressEvents(task));
    }

    @Test
    void answersOlderThanTheRetentionAreRemoved() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String key = UUID.randomUUID().toString();
        progress(task, key, 40).then().statusCode(200);
        store.removeExpired(OffsetDateTime.now().plusHours(25));
        assertNull(rowsOf(key));
        // after the retention the key is new again
        progress(task, key, 40).then().statusCode(200).header(IdempotencyKeys.REPLAYED_HEADER, (String) null);
        assertEquals(2, progressEvents(task));
    }

    private static Object rowsOf(String key) {
        List<List<Object>> rows = rows("select status from idempotency_key where key = ?", key);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
