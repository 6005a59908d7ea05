package rol.task.lifecycle;

import rol.testsupport.As;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.task.lifecycle.TaskFixture.*;

/** PATCH /api/tasks/{id} (修改任务) and POST /api/tasks/{id}/reassign (改派): who, when, what is kept. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class DefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void signOut() {
        As.nobody();
    }

    private static ValidatableResponse patch(String task, Object body) {
        return json().body(body).patch("/api/tasks/" + task).then();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static JsonNode lastEvent(String task) throws Exception {
        List<List<Object>> events = events(task);
        return JSON.readTree((String) events.get(events.size() - 1).get(1));
    }

    @Test
    void theOfficeChangesTitleTextOwnersAndDeadlineWithTheBeforeAndAfterKept() throws Exception {
        String task = draft();
        acknowledged(task);
        String later = today().plusDays(90).toString();
        As.office();
        json().header("If-Match", "\"" + version(task) + "\"")
                .body(Map.of("title", "開展鯉城區行政執法案卷評查", "text", "全面開展鯉城區行政執法案卷評查。",
                        "coDepartments", List.of("kaiyuan-subdistrict"), "deadline", later, "reason", "区政府会议调整时限"))
                .patch("/api/tasks/" + task).then().statusCode(200).header("ETag", "\"3\"")
                .body("state", equalTo("ACKNOWLEDGED"))
                .body("title", equalTo("開展鯉城區行政執法案卷評查"))
                .body("leadDepartment", equalTo("judicial-bureau"))
                .body("coDepartments", contains("kaiyuan-subdistrict"))
                .body("deadline", equalTo(later));

        assertEquals("task.updated.v1", types(task).get(types(task).size() - 1));
        JsonNode updated = lastEvent(task);
        assertEquals(List.of("title", "text", "coDepartments", "deadline"),
                JSON.convertValue(updated.at("/changed"), List.class));
        assertEquals("office1", updated.at("/actor").asText());
        assertEquals(later, updated.at("/task/deadline").asText());
        assertEquals("kaiyuan-subdistrict", updated.at("/task/coDepartments/0").asText());

        given().get("/api/tasks/" + task + "/history").then().statusCode(200)
                .body("items[-1].action", equalTo("UPDATE_DEFINITION"))
                .body("items[-1].detail.reason", equalTo("区政府会议调整时限"))
                .body("items[-1].detail.changes.title.before", equalTo("开展行政执法案卷评查"))
                .body("items[-1].detail.changes.title.after", equalTo("開展鯉城區行政執法案卷評查"))
                .body("items[-1].detail.changes.text.after", equalTo("全面開展鯉城區行政執法案卷評查。"))
                .body("items[-1].detail.changes.coDepartments.before", contains("market-regulation"))
                .body("items[-1].detail.changes.deadline.after", equalTo(later));
        given().get("/api/tasks/" + task + "/extension-requests").then().statusCode(200)
                .body("deadlineHistory.cause", contains("DISPATCH", "UPDATE_DEFINITION"))
                .body("deadlineHistory[1].newDeadline", equalTo(later))
                .body("deadlineHistory[1].reason", equalTo("区政府会议调整时限"));
        // the search column followed the new title: simplified finds the traditional one
        given().queryParam("q", "开展鲤城区行政执法").queryParam("size", 200)
                .get("/api/tasks").then().statusCode(200).body("items.id", hasItem(task));

        // the market regulator is no longer involved: the task is gone for it
        As.market();
        given().get("/api/tasks/" + task).then().statusCode(404);
        // the same again changes nothing: no new version, no event
        As.office();
        int events = events(task).size();
        patch(task, Map.of("title", "開展鯉城區行政執法案卷評查", "deadline", later)).statusCode(200).header("ETag", "\"3\"");
        assertEquals(events, events(task).size());
    }

    @Test
    void theLeadChangesByPatchUntilItAcknowledgesThenOnlyByReassignment() throws Exception {
        String task = draft();
        dispatched(task);
        As.office();
        patch(task, Map.of("leadDepartment", "market-regulation", "coDepartments", List.of("judicial-bureau")))
                .statusCode(200).body("state", equalTo("DISPATCHED")).body("leadDepartment", equalTo("market-regulation"));
        assertEquals(List.of("leadDepartment", "coDepartments"),
                JSON.convertValue(lastEvent(task).at("/changed"), List.class));
        As.market();
        post(task, "acknowledge", null).statusCode(200);
        As.office();
        patch(task, Map.of("leadDepartment", "judicial-bureau", "coDepartments", List.of()))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:lead-change-needs-reassign"))
                .body("detail", containsString("改派"));
        assertEquals("market-regulation", lastEvent(task).at("/task/leadDepartment").asText(), "nothing changed");
    }

    @Test
    void whoMayChangeTheDefinition() {
        String task = draft();
        acknowledged(task);
        Map<String, Object> change = Map.of("title", "新标题");
        As.judicial();
        patch(task, change).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:rol:problem:task.office-only"));
        As.market();
        patch(task, change).statusCode(403);
        As.street();
        patch(task, change).statusCode(404);
        As.leader();
        patch(task, change).statusCode(403).body("type", equalTo("urn:rol:problem:task.read-only-role"));
        As.auditor();
        patch(task, change).statusCode(403);
        As.nobody();
        patch(task, change).statusCode(401);
        As.office();
        json().header("If-Match", "\"1\"").body(change).patch("/api/tasks/" + task).then().statusCode(412);
        patch(task, change).statusCode(200).body("title", equalTo("新标题"));
    }

    @Test
    void badDefinitionsAreNamedAndChangeNothing() {
        String task = draft();
        As.office();
        patch(task, Map.of("leadDepartment", "judicial-bureau", "deadline", today().plusDays(9).toString()))
                .statusCode(400).body("errors.field", contains("leadDepartment", "deadline"))
                .body("errors[0].message", containsString("交办"));
        patch(task, Map.of("title", " ")).statusCode(400).body("errors.field", contains("title"));
        patch(task, Map.of("title", "长".repeat(201))).statusCode(400).body("errors[0].message", containsString("200"));
        json().patch("/api/tasks/" + task).then().statusCode(400).body("errors.field", contains("body"));
        dispatched(task);
        As.office();
        patch(task, Map.of("leadDepartment", "no-such-department")).statusCode(400)
                .body("errors.field", contains("leadDepartment"));
        patch(task, Map.of("coDepartments", List.of("judicial-bureau"))).statusCode(400)
                .body("errors.field", contains("coDepartments[0]"));
        patch(task, Map.of("leadDepartment", "market-regulation")).statusCode(400)
                .body("errors.field", contains("leadDepartment")).body("errors[0].message", containsString("配合单位"));
        patch(task, Map.of("deadline", today().minusDays(1).toString(), "reason", "提前")).statusCode(400)
                .body("errors.field", contains("deadline"));
        patch(task, Map.of("deadline", today().plusDays(30).toString())).statusCode(400)
                .body("errors.field", contains("reason"));
        assertEquals(1, version(task), "nothing was stored");
        As.judicial();
        post(task, "acknowledge", null).statusCode(200);
        post(task, "progress", Map.of("percent", 100)).statusCode(200);
        post(task, "submit", null).statusCode(200);
        As.office();
        patch(task, Map.of("title", "审核中不能改")).statusCode(409).body("state", equalTo("SUBMITTED"))
                .body("allowedActions", org.hamcrest.Matchers.not(hasItem("UPDATE_DEFINITION")));
    }

    @Test
    void reassignmentSendsTheTaskBackForTheNewLeadToAcknowledge() throws Exception {
        String task = draft();
        inProgress(task);
        As.office();
        json().header("If-Match", "\"" + version(task) + "\"")
                .body(Map.of("leadDepartment", "market-regulation", "reason", "职能调整，改由市场监管局牵头"))
                .post("/api/tasks/" + task + "/reassign").then().statusCode(200)
                .body("state", equalTo("DISPATCHED"))
                .body("leadDepartment", equalTo("market-regulation"))
                .body("coDepartments", org.hamcrest.Matchers.empty())
                .body("percent", equalTo(40));

        JsonNode dispatched = lastEvent(task);
        assertEquals("task.dispatched.v1", types(task).get(types(task).size() - 1));
        assertEquals("judicial-bureau", dispatched.at("/previousLeadDepartment").asText());
        assertEquals("职能调整，改由市场监管局牵头", dispatched.at("/reason").asText());
        assertEquals("DISPATCHED", dispatched.at("/task/state").asText());
        given().get("/api/tasks/" + task + "/history").then()
                .body("items[-1].action", equalTo("REASSIGN"))
                .body("items[-1].stateBefore", equalTo("IN_PROGRESS"))
                .body("items[-1].stateAfter", equalTo("DISPATCHED"))
                .body("items[-1].detail.leadDepartment.before", equalTo("judicial-bureau"))
                .body("items[-1].detail.leadDepartment.after", equalTo("market-regulation"))
                .body("items[-1].detail.coDepartments.before", contains("market-regulation"))
                .body("items[-1].detail.reason", equalTo("职能调整，改由市场监管局牵头"));

        As.judicial();
        given().get("/api/tasks/" + task).then().statusCode(404);
        As.market();
        post(task, "acknowledge", null).statusCode(200).body("state", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void whoMayReassignAndWhen() {
        String task = draft();
        Map<String, Object> reassign = Map.of("leadDepartment", "kaiyuan-subdistrict", "reason", "改派");
        dispatched(task);
        As.office();
        post(task, "reassign", reassign).statusCode(409).body("state", equalTo("DISPATCHED"));
        As.judicial();
        post(task, "acknowledge", null).statusCode(200);
        post(task, "reassign", reassign).statusCode(403).body("type", equalTo("urn:rol:problem:task.office-only"));
        As.market();
        post(task, "reassign", reassign).statusCode(403);
        As.street();
        post(task, "reassign", reassign).statusCode(404);
        As.leader();
        post(task, "reassign", reassign).statusCode(403);
        As.auditor();
        post(task, "reassign", reassign).statusCode(403);
        As.office();
        post(task, "reassign", Map.of("leadDepartment", "kaiyuan-subdistrict")).statusCode(400)
                .body("errors.field", contains("reason"));
        post(task, "reassign", Map.of("leadDepartment", "judicial-bureau", "reason", "改派")).statusCode(400)
                .body("errors.field", contains("leadDepartment"));
        post(task, "reassign", Map.of("leadDepartment", "kaiyuan-subdistrict", "coDepartments",
                List.of("kaiyuan-subdistrict"), "reason", "改派")).statusCode(400)
                .body("errors.field", contains("coDepartments[0]"));
        json().post("/api/tasks/" + task + "/reassign").then().statusCode(400).body("errors.field", contains("body"));
        json().header("If-Match", "\"1\"").body(reassign).post("/api/tasks/" + task + "/reassign").then()
                .statusCode(412);
        post(task, "reassign", reassign).statusCode(200).body("leadDepartment", equalTo("kaiyuan-subdistrict"))
                .body("coDepartments", contains("market-regulation"));
        As.office();
        post(task, "cancel", Map.of("reason", "撤销")).statusCode(200);
        post(task, "reassign", reassign).statusCode(409).body("state", equalTo("CANCELLED"))
                .body("allowedActions", org.hamcrest.Matchers.hasSize(0));
    }
}
