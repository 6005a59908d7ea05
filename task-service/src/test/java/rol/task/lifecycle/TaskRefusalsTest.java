package rol.task.lifecycle;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/** What is refused, and how: 409 by state, 403 by role, 404 for others' tasks, 401 without a token, 412 stale, 400 input. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class TaskRefusalsTest {

    private static final Map<String, Object> REASON = Map.of("reason", "测试");
    private static final Map<String, Object> PROGRESS = Map.of("percent", 10);

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static Map<String, Object> extension() {
        return Map.of("newDeadline", today().plusDays(90).toString(), "reason", "测试");
    }

    /** Every action the office tries in a state that has no row for it is 409, naming the state and what is allowed. */
    @Test
    void everyTransitionTheTableLacksIs409() {
        String task = draft();
        As.office();
        for (String action : List.of("acknowledge", "submit", "close")) {
            post(task, action, null).statusCode(409).contentType("application/problem+json")
                    .body("state", equalTo("DRAFT")).body("stateName", equalTo("立项（草稿）"))
                    .body("allowedActions", hasItem("DISPATCH")).body("allowedActionNames", hasItem("交办"))
                    .body("detail", containsString("立项（草稿）"));
        }
        post(task, "return", REASON).statusCode(409).body("state", equalTo("DRAFT"));
        post(task, "progress", PROGRESS).statusCode(409).body("state", equalTo("DRAFT"));
        post(task, "extension-requests", extension()).statusCode(409).body("state", equalTo("DRAFT"));

        post(task, "dispatch", dispatchBody()).statusCode(200);
        post(task, "dispatch", dispatchBody()).statusCode(409).body("state", equalTo("DISPATCHED"));
        As.judicial();
        post(task, "submit", null).statusCode(409).body("state", equalTo("DISPATCHED"))
                .body("allowedActions", contains("ACKNOWLEDGE", "PLAN_MILESTONES"));
        post(task, "progress", PROGRESS).statusCode(409);
        post(task, "acknowledge", null).statusCode(200);
        post(task, "acknowledge", null).statusCode(409).body("state", equalTo("ACKNOWLEDGED"));
        // the first progress report starts the work: no submission without feedback
        post(task, "submit", null).statusCode(409).body("allowedActions",
                contains("REPORT_PROGRESS", "REQUEST_EXTENSION", "PLAN_MILESTONES", "COMPLETE_MILESTONE"));
        As.office();
        post(task, "close", null).statusCode(409).body("state", equalTo("ACKNOWLEDGED"));
        post(task, "return", REASON).statusCode(409);
        As.judicial();
        post(task, "progress", PROGRESS).statusCode(200);
        post(task, "submit", null).statusCode(200);
        post(task, "progress", PROGRESS).statusCode(409).body("state", equalTo("SUBMITTED"));
        post(task, "extension-requests", extension()).statusCode(409).body("state", equalTo("SUBMITTED"));
        As.office();
        post(task, "close", null).statusCode(200);
        for (String action : List.of("acknowledge", "submit", "close")) {
            post(task, action, null).statusCode(409).body("state", equalTo("CLOSED")).body("allowedActions", hasSize(0));
        }
        post(task, "return", REASON).statusCode(409);
        post(task, "cancel", REASON).statusCode(409);
        post(task, "progress", PROGRESS).statusCode(409);
        post(task, "dispatch", dispatchBody()).statusCode(409);
        json().body(Map.of("flagged", true)).put("/api/tasks/" + task + "/key-supervision").then().statusCode(409);
        assertEquals("CLOSED", state(task));
    }

    @Test
    void whoMayNotActIs403AndLearnsNothingOfTheState() {
        String task = draft();
        dispatched(task);
        As.market();
        post(task, "acknowledge", null).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:task.lead-department-only"))
                .body("state", org.hamcrest.Matchers.nullValue());
        As.judicial();
        post(task, "dispatch", dispatchBody()).statusCode(403).body("type", equalTo("urn:rol:problem:task.office-only"));
        post(task, "close", null).statusCode(403);
        post(task, "cancel", REASON).statusCode(403);
        As.leader();
        post(task, "acknowledge", null).statusCode(403).body("type", equalTo("urn:rol:problem:task.read-only-role"));
        As.auditor();
        post(task, "progress", PROGRESS).statusCode(403).body("detail", containsString("只能查看"));
        As.user("nobody", "department", null);
        post(task, "acknowledge", null).statusCode(403);
        assertEquals("DISPATCHED", state(task));
        assertEquals(1, count("select count(*) from task_history where task_id = ?::uuid", task));
    }

    @Test
    void anotherDepartmentsTaskIs404AndNoTokenIs401() {
        String task = draft();
        dispatched(task);
        As.street();
        for (String action : List.of("acknowledge", "submit", "close")) {
            post(task, action, null).statusCode(404).contentType("application/problem+json");
        }
        post(task, "progress", PROGRESS).statusCode(404);
        As.nobody();
        post(task, "acknowledge", null).statusCode(401);
        post(task, "dispatch", dispatchBody()).statusCode(401);
        given().get("/api/tasks/" + task + "/extension-requests").then().statusCode(401);
        assertEquals("DISPATCHED", state(task));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String task = draft();
        dispatched(task);
        As.judicial();
        String etag = given().get("/api/tasks/" + task).then().statusCode(200).extract().header("ETag");
        assertEquals("\"1\"", etag);
        given().header("If-Match", etag).post("/api/tasks/" + task + "/acknowledge").then().statusCode(200)
                .header("ETag", "\"2\"");
        // the same, now stale, ETag
        json().header("If-Match", etag).body(PROGRESS).post("/api/tasks/" + task + "/progress").then()
                .statusCode(412).contentType("application/problem+json").body("detail", containsString("刷新"));
        assertEquals("ACKNOWLEDGED", state(task));
        assertEquals(2, version(task));
        assertEquals(0, count("select count(*) from progress_report where task_id = ?::uuid", task));
        json().header("If-Match", "W/\"2\"").body(PROGRESS).post("/api/tasks/" + task + "/progress").then().statusCode(200);
        // without If-Match the action runs
        json().body(PROGRESS).post("/api/tasks/" + task + "/progress").then().statusCode(200).header("ETag", "\"4\"");
    }

    /** The one If-Match reading of platform (IfMatchTest has every kind): what is not an ETag is 400, nothing changes. */
    @Test
    void aMalformedIfMatchIs400AndChangesNothing() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        // (an empty header reaches the resource as none at all: IfMatchTest covers it)
        for (String header : List.of("abc", "2", "W/2", "\"2\",,\"3\"", "\"zwei\"")) {
            json().header("If-Match", header).body(PROGRESS).post("/api/tasks/" + task + "/progress").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:rol:problem:if-match-malformed"))
                    .body("title", equalTo("版本标记格式不正确")).body("detail", containsString("If-Match"));
        }
        assertEquals(2, version(task));
        assertEquals("ACKNOWLEDGED", state(task));
        // a list matches when one of its tags is the version
        json().header("If-Match", "\"1\", \"2\"").body(PROGRESS).post("/api/tasks/" + task + "/progress").then()
                .statusCode(200);
        json().header("If-Match", "*").body(PROGRESS).post("/api/tasks/" + task + "/progress").then().statusCode(200);
        As.office();
        given().header("If-Match", "\"x\"").contentType("application/json").body(Map.of("name", "司法局"))
                .put("/api/departments/judicial-bureau").then().statusCode(400)
                .body("type", equalTo("urn:rol:problem:if-match-malformed"));
    }

    @Test
    void concurrentWritersWithoutIfMatchLoseNoUpdate() throws Exception {
        String task = draft();
        inProgress(task);
        As.judicial();
        long before = version(task);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> answers = new ArrayList<>();
        List<Integer> percents = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < writers; i++) {
            int percent = 50 + i;
            answers.add(pool.submit(() -> {
                int status = json().body(Map.of("percent", percent)).post("/api/tasks/" + task + "/progress")
                        .then().extract().statusCode();
                if (status == 200) {
                    percents.add(percent);
                }
                return status;
            }));
        }
        int ok = 0;
        for (Future<Integer> f : answers) {
            int status = f.get();
            assertTrue(status == 200 || status == 412, "each writer succeeds or is told to reload: " + status);
            ok += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(ok >= 1);
        // every write that was answered 200 is in the version, the history, the reports and the outbox
        assertEquals(before + ok, version(task));
        assertEquals(ok + 1, count("select count(*) from task_history where task_id = ?::uuid and action = 'REPORT_PROGRESS'", task));
        assertEquals(ok + 1, count("select count(*) from progress_report where task_id = ?::uuid", task));
        assertEquals(ok + 1, count("select count(*) from outbox_event where event_key = ? and event_type = 'task.progress-reported.v1'", task));
    }

    // ── input rules: 400 naming the field in words a clerk understands; nothing changes ──

    @Test
    void percentOutside0To100Is400() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        post(task, "progress", Map.of("percent", 101)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("percent")).body("errors[0].message", containsString("0 至 100"));
        post(task, "progress", Map.of("percent", -1)).statusCode(400).body("errors[0].field", equalTo("percent"));
        post(task, "progress", Map.of("note", "没有进度")).statusCode(400).body("errors[0].field", equalTo("percent"))
                .body("errors[0].message", equalTo("此项必须填写。"));
        assertUnchanged(task, "ACKNOWLEDGED", 2);
    }

    @Test
    void aDeadlineBeforeTodayAtDispatchIs400() {
        String task = draft();
        As.office();
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "deadline", today().minusDays(2).toString()))
                .statusCode(400).body("errors[0].field", equalTo("deadline"))
                .body("errors[0].message", containsString("早于今天"));
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau")).statusCode(400)
                .body("errors[0].field", equalTo("deadline"));
        assertUnchanged(task, "DRAFT", 0);
    }

    @Test
    void anUnknownDepartmentIs400NamingTheField() {
        String task = draft();
        As.office();
        String deadline = today().plusDays(30).toString();
        post(task, "dispatch", Map.of("leadDepartment", "ministry-of-magic", "deadline", deadline)).statusCode(400)
                .body("errors[0].field", equalTo("leadDepartment"))
                .body("errors[0].message", containsString("不在本区单位名录中"));
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "coDepartments", List.of("market-regulation", "nowhere"),
                "deadline", deadline)).statusCode(400).body("errors[0].field", equalTo("coDepartments[1]"));
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "coDepartments", List.of("judicial-bureau"),
                "deadline", deadline)).statusCode(400).body("errors[0].field", equalTo("coDepartments[0]"));
        // a sub-unit is not dispatched to: its department is
        post(task, "dispatch", Map.of("leadDepartment", "administrative-review-section", "deadline", deadline))
                .statusCode(400).body("errors[0].field", equalTo("leadDepartment"))
                .body("errors[0].message", containsString("judicial-bureau"));
        assertUnchanged(task, "DRAFT", 0);
    }

    @Test
    void textOverItsLimitIs400() {
        String task = draft();
        submitted(task);
        As.office();
        post(task, "return", Map.of("reason", "长".repeat(501))).statusCode(400)
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", containsString("最多 500 个字"));
        post(task, "return", Map.of("reason", " ")).statusCode(400).body("errors[0].field", equalTo("reason"));
        post(task, "cancel", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        long v = version(task);
        As.judicial();
        assertEquals("SUBMITTED", state(task));
        assertEquals(v, version(task));
    }

    @Test
    void malformedBodiesAre400() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        json().body("{\"percent\": ").post("/api/tasks/" + task + "/progress").then().statusCode(400)
                .contentType("application/problem+json");
        json().body("{\"percent\": \"abc\"}").post("/api/tasks/" + task + "/progress").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("percent"));
        post(task, "progress", Map.of("percent", 20, "evidence", List.of(Map.of("kind", "video", "url", "x")))).statusCode(400)
                .body("errors[0].field", equalTo("evidence[0].kind"));
        post(task, "progress", Map.of("percent", 20, "evidence", List.of(Map.of("kind", "link", "url", "javascript:alert(1)"))))
                .statusCode(400).body("errors[0].field", equalTo("evidence[0].url"));
        post(task, "progress", Map.of("percent", 20, "metrics", List.of(Map.of("label", "案件")))).statusCode(400)
                .body("errors[0].field", equalTo("metrics[0].value"));
        json().body("{\"newDeadline\": \"2025-02-30\", \"reason\": \"x\"}").post("/api/tasks/" + task + "/extension-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("newDeadline"));
        post(task, "extension-requests", Map.of("newDeadline", today().plusDays(10).toString(), "reason", "早于现有时限"))
                .statusCode(400).body("errors[0].field", equalTo("newDeadline"))
                .body("errors[0].message", containsString("应晚于现有时限"));
        assertUnchanged(task, "ACKNOWLEDGED", 2);
    }

    private static void assertUnchanged(String task, String state, long version) {
        assertEquals(state, state(task));
        assertEquals(version, version(task));
        assertEquals(version, count("select count(*) from task_history where task_id = ?::uuid", task));
    }
}
