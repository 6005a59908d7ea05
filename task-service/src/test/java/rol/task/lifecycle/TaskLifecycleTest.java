package rol.task.lifecycle;

import rol.testsupport.As;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/** The 督办 lifecycle over HTTP, as it passes from the office to the departments and back. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class TaskLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void aTaskGoesFromDraftToClosedThroughEveryHand() throws Exception {
        String task = draft();
        As.office();
        post(task, "dispatch", dispatchBody()).statusCode(200).contentType("application/json")
                .header("ETag", "\"1\"")
                .body("state", equalTo("DISPATCHED"))
                .body("leadDepartment", equalTo("judicial-bureau"))
                .body("coDepartments", contains("market-regulation"))
                .body("deadline", equalTo(today().plusDays(60).toString()));

        As.judicial();
        post(task, "acknowledge", null).statusCode(200).body("state", equalTo("ACKNOWLEDGED"));

        As.market();
        post(task, "progress", Map.of("percent", 30, "note", "配合开展案卷交叉评查",
                "evidence", List.of(Map.of("kind", "link", "url", "https://example.org/evidence/1"),
                        Map.of("kind", "file", "name", "评查通报.pdf", "size", 20480, "contentType", "application/pdf")),
                "metrics", List.of(Map.of("label", "评查案卷", "value", 120, "unit", "件"))))
                .statusCode(200).body("state", equalTo("IN_PROGRESS")).body("percent", equalTo(30))
                .body("lastFeedbackAt", notNullValue());

        As.judicial();
        post(task, "progress", Map.of("percent", 100, "note", "全部完成")).statusCode(200)
                .body("state", equalTo("IN_PROGRESS")).body("percent", equalTo(100));
        post(task, "submit", null).statusCode(200).body("state", equalTo("SUBMITTED"));

        As.office();
        post(task, "close", null).statusCode(200).body("state", equalTo("CLOSED")).header("ETag", "\"6\"");

        assertEquals(List.of("task.created.v1", "task.dispatched.v1", "task.acknowledged.v1",
                "task.progress-reported.v1", "task.progress-reported.v1", "task.submitted.v1", "task.closed.v1"),
                types(task));
        List<List<Object>> events = events(task);
        JsonNode dispatched = JSON.readTree((String) events.get(1).get(1));
        assertEquals("DISPATCHED", dispatched.at("/task/state").asText());
        assertEquals("judicial-bureau", dispatched.at("/task/leadDepartment").asText());
        assertEquals("office1", dispatched.at("/actor").asText());
        assertTrue(dispatched.at("/task/dispatchedAt").isTextual(), "the snapshot says when it was dispatched");
        assertTrue(dispatched.at("/task/closedAt").isNull());
        JsonNode progress = JSON.readTree((String) events.get(3).get(1));
        assertEquals("CO_DEPARTMENT", progress.at("/capacity").asText());
        assertEquals("market-regulation", progress.at("/department").asText());
        assertEquals(30, progress.at("/progress/percent").asInt());
        assertEquals("file", progress.at("/progress/evidence/1/kind").asText());
        assertEquals(20480, progress.at("/progress/evidence/1/size").asInt());
        assertEquals("件", progress.at("/progress/metrics/0/unit").asText());
        assertEquals(30, progress.at("/task/percent").asInt());
        JsonNode closed = JSON.readTree((String) events.get(6).get(1));
        assertEquals("CLOSED", closed.at("/task/state").asText());
        assertEquals(6, closed.at("/task/version").asInt());
        assertTrue(closed.at("/task/closedAt").isTextual(), "the snapshot says when it was closed");
        assertEquals(1, count("select count(*) from progress_report where task_id = ?::uuid and percent = 30"
                + " and jsonb_array_length(evidence) = 2", task));

        As.auditor();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.action", contains("DISPATCH", "ACKNOWLEDGE", "REPORT_PROGRESS", "REPORT_PROGRESS",
                        "SUBMIT", "CLOSE"))
                .body("items.actor", contains("office1", "judicial1", "market1", "judicial1", "judicial1", "office1"))
                .body("items.capacity", contains("OFFICE", "LEAD_DEPARTMENT", "CO_DEPARTMENT", "LEAD_DEPARTMENT",
                        "LEAD_DEPARTMENT", "OFFICE"))
                .body("items.stateBefore", contains("DRAFT", "DISPATCHED", "ACKNOWLEDGED", "IN_PROGRESS",
                        "IN_PROGRESS", "SUBMITTED"))
                .body("items.stateAfter", contains("DISPATCHED", "ACKNOWLEDGED", "IN_PROGRESS", "IN_PROGRESS",
                        "SUBMITTED", "CLOSED"))
                .body("items[0].before.leadDepartment", nullValue())
                .body("items[0].after.leadDepartment", equalTo("judicial-bureau"))
                .body("items[0].detail.deadline", equalTo(today().plusDays(60).toString()))
                .body("items[2].before.percent", equalTo(0))
                .body("items[2].after.percent", equalTo(30))
                .body("items[2].detail.progress.evidence[0].url", equalTo("https://example.org/evidence/1"))
                .body("items[5].at", notNullValue());
    }

    @Test
    void theHistoryIsReadByTheOfficeAuditorsAndTheTasksDepartmentsOnly() {
        String task = draft();
        acknowledged(task);
        As.judicial();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200).body("total", equalTo(2));
        As.market();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200).body("total", equalTo(2));
        As.office();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200).body("total", equalTo(2));
        As.leader();
        given().get("/api/tasks/" + task + "/history").then().statusCode(403).contentType("application/problem+json");
        As.street();
        given().get("/api/tasks/" + task + "/history").then().statusCode(404).contentType("application/problem+json");
        As.nobody();
        given().get("/api/tasks/" + task + "/history").then().statusCode(401);
    }

    @Test
    void theHistoryCannotBeRewritten() {
        String task = draft();
        dispatched(task);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> count("with changed as (update task_history set actor = 'someone' where task_id = ?::uuid"
                        + " returning 1) select count(*) from changed", task));
        org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(e.getCause()).contains("append-only"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> count("with gone as (delete from task_history where task_id = ?::uuid returning 1)"
                        + " select count(*) from gone", task));
        assertEquals(1, count("select count(*) from task_history where task_id = ?::uuid and actor = 'office1'", task));
    }

    @Test
    void aReturnedTaskIsResubmittedOrGoesBackToInProgress() throws Exception {
        String task = draft();
        submitted(task);
        As.office();
        post(task, "return", Map.of("reason", "佐证材料不全，请补充评查通报")).statusCode(200).body("state", equalTo("RETURNED"));
        As.judicial();
        post(task, "submit", null).statusCode(200).body("state", equalTo("SUBMITTED"));
        As.office();
        post(task, "return", Map.of("reason", "仍缺整改台账")).statusCode(200).body("state", equalTo("RETURNED"));
        As.judicial();
        post(task, "progress", Map.of("percent", 90, "note", "补充整改台账")).statusCode(200)
                .body("state", equalTo("IN_PROGRESS"));
        post(task, "submit", null).statusCode(200).body("state", equalTo("SUBMITTED"));

        List<List<Object>> returned = events(task).stream().filter(r -> r.get(0).equals("task.returned.v1")).toList();
        assertEquals(2, returned.size());
        JsonNode first = JSON.readTree((String) returned.get(0).get(1));
        assertEquals("佐证材料不全，请补充评查通报", first.at("/reason").asText());
        assertEquals("RETURNED", first.at("/task/state").asText());
        As.judicial();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200)
                .body("items.find { it.action == 'RETURN' }.detail.reason", equalTo("佐证材料不全，请补充评查通报"));
    }

    @Test
    void anExtensionIsRejectedThenApprovedAndTheDeadlineHistoryKept() throws Exception {
        String task = draft();
        acknowledged(task);
        String original = today().plusDays(60).toString();
        String later = today().plusDays(120).toString();
        String latest = today().plusDays(150).toString();

        As.judicial();
        String first = json().body(Map.of("newDeadline", later, "reason", "需等待上级评查标准出台"))
                .post("/api/tasks/" + task + "/extension-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("currentDeadline", equalTo(original))
                .body("newDeadline", equalTo(later)).extract().path("id");
        // one pending request at a time
        json().body(Map.of("newDeadline", latest, "reason", "再次申请"))
                .post("/api/tasks/" + task + "/extension-requests").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:rol:problem:extension-pending"));
        // only the lead asks; only the office decides
        As.market();
        json().body(Map.of("newDeadline", latest, "reason", "配合单位申请"))
                .post("/api/tasks/" + task + "/extension-requests").then().statusCode(403);
        As.judicial();
        json().body(Map.of("approve", true)).post("/api/tasks/" + task + "/extension-requests/" + first + "/decision")
                .then().statusCode(403);

        As.office();
        json().body(Map.of("approve", false))
                .post("/api/tasks/" + task + "/extension-requests/" + first + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        json().body(Map.of("approve", false, "comment", "理由不充分"))
                .post("/api/tasks/" + task + "/extension-requests/" + first + "/decision").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("office1"));
        given().get("/api/tasks/" + task).then().body("deadline", equalTo(original));
        json().body(Map.of("approve", true))
                .post("/api/tasks/" + task + "/extension-requests/" + first + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:rol:problem:extension-decided"));

        As.judicial();
        String second = json().body(Map.of("newDeadline", latest, "reason", "补充说明：标准已于近日出台"))
                .post("/api/tasks/" + task + "/extension-requests").then().statusCode(201).extract().path("id");
        As.office();
        json().body(Map.of("approve", true, "comment", "同意"))
                .post("/api/tasks/" + task + "/extension-requests/" + second + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().get("/api/tasks/" + task).then().body("deadline", equalTo(latest)).body("state", equalTo("ACKNOWLEDGED"));

        As.judicial();
        given().get("/api/tasks/" + task + "/extension-requests").then().statusCode(200)
                .body("items.status", contains("REJECTED", "APPROVED"))
                .body("deadlineHistory.cause", contains("DISPATCH", "EXTENSION"))
                .body("deadlineHistory[0].oldDeadline", nullValue())
                .body("deadlineHistory[0].newDeadline", equalTo(original))
                .body("deadlineHistory[1].oldDeadline", equalTo(original))
                .body("deadlineHistory[1].newDeadline", equalTo(latest))
                .body("deadlineHistory[1].extensionRequestId", equalTo(second));

        List<List<Object>> decided = events(task).stream()
                .filter(r -> r.get(0).equals("task.extension-decided.v1")).toList();
        assertEquals(2, decided.size());
        JsonNode rejected = JSON.readTree((String) decided.get(0).get(1));
        assertEquals(false, rejected.at("/approved").asBoolean());
        assertEquals(original, rejected.at("/task/deadline").asText());
        JsonNode approved = JSON.readTree((String) decided.get(1).get(1));
        assertEquals(true, approved.at("/approved").asBoolean());
        assertEquals(original, approved.at("/previousDeadline").asText());
        assertEquals(latest, approved.at("/task/deadline").asText());
        JsonNode requested = JSON.readTree((String) events(task).stream()
                .filter(r -> r.get(0).equals("task.extension-requested.v1")).findFirst().orElseThrow().get(1));
        assertEquals(later, requested.at("/requestedDeadline").asText());
        assertEquals("需等待上级评查标准出台", requested.at("/reason").asText());
    }

    @Test
    void theOfficeCancelsWithAReasonAndNothingFollows() throws Exception {
        String task = draft();
        dispatched(task);
        As.office();
        post(task, "cancel", Map.of("reason", "与另一事项重复")).statusCode(200).body("state", equalTo("CANCELLED"));
        post(task, "cancel", Map.of("reason", "again")).statusCode(409).contentType("application/problem+json")
                .body("state", equalTo("CANCELLED")).body("stateName", equalTo("已撤销"))
                .body("allowedActions", hasSize(0));
        JsonNode cancelled = JSON.readTree((String) events(task).get(events(task).size() - 1).get(1));
        assertEquals("DISPATCHED", cancelled.at("/previousState").asText());
        assertEquals("与另一事项重复", cancelled.at("/reason").asText());
        assertEquals("CANCELLED", cancelled.at("/task/state").asText());
        As.judicial();
        given().get("/api/tasks/" + task).then().statusCode(200).body("state", equalTo("CANCELLED"));
    }

    @Test
    void keySupervisionIsAFlagOfTheOffice() throws Exception {
        String task = draft();
        dispatched(task);
        As.judicial();
        json().body(Map.of("flagged", true)).put("/api/tasks/" + task + "/key-supervision").then().statusCode(403);
        As.office();
        json().body(Map.of("flagged", true)).put("/api/tasks/" + task + "/key-supervision").then().statusCode(200)
                .body("keySupervision", equalTo(true)).body("state", equalTo("DISPATCHED"));
        JsonNode updated = JSON.readTree((String) events(task).get(events(task).size() - 1).get(1));
        assertEquals("keySupervision", updated.at("/changed/0").asText());
        assertEquals(true, updated.at("/task/keySupervision").asBoolean());
        json().body(Map.of("flagged", false)).put("/api/tasks/" + task + "/key-supervision").then().statusCode(200)
                .body("keySupervision", equalTo(false));
        given().get("/api/tasks/" + task + "/history").then()
                .body("items.action", contains("DISPATCH", "FLAG_KEY_SUPERVISION", "UNFLAG_KEY_SUPERVISION"));
    }
}
