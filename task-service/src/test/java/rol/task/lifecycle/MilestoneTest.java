package rol.task.lifecycle;

import rol.testsupport.As;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/** 序时进度: planned and completed by the office and the lead department, read by everyone who reads the task. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class MilestoneTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;

    @AfterEach
    void signOut() {
        As.nobody();
        clock.reset();
    }

    private static Map<String, Object> milestone(String title, int days) {
        return Map.of("title", title, "dueDate", today().plusDays(days).toString());
    }

    private static ValidatableResponse add(String task, Object body) {
        return json().body(body).post("/api/tasks/" + task + "/milestones").then();
    }

    private static ValidatableResponse put(String task, String milestone, Object body) {
        return json().body(body).put("/api/tasks/" + task + "/milestones/" + milestone).then();
    }

    private static ValidatableResponse delete(String task, String milestone) {
        return given().delete("/api/tasks/" + task + "/milestones/" + milestone).then();
    }

    private static ValidatableResponse complete(String task, String milestone, Object body) {
        return json().body(body).post("/api/tasks/" + task + "/milestones/" + milestone + "/complete").then();
    }

    private static JsonNode lastEvent(String task) throws Exception {
        List<List<Object>> events = events(task);
        return JSON.readTree((String) events.get(events.size() - 1).get(1));
    }

    @Test
    void theLeadPlansAndCompletesMilestonesAndEveryoneSeesThem() throws Exception {
        String task = draft();
        acknowledged(task);
        As.judicial();
        String first = json().header("If-Match", "\"2\"").body(milestone("完成案卷抽查", 10))
                .post("/api/tasks/" + task + "/milestones").then().statusCode(201).header("ETag", "\"3\"")
                .header("Location", containsString("/milestones/"))
                .body("title", equalTo("完成案卷抽查")).body("done", equalTo(false)).body("overdue", equalTo(false))
                .extract().path("id");
        As.office();
        String second = add(task, milestone("形成评查报告", 40)).statusCode(201).extract().path("id");

        JsonNode added = lastEvent(task);
        assertEquals("task.updated.v1", types(task).get(types(task).size() - 1));
        assertEquals(List.of("milestones"), JSON.convertValue(added.at("/changed"), List.class));
        assertEquals(2, added.at("/task/milestones").size());
        assertEquals(first, added.at("/task/milestones/0/id").asText());
        assertEquals(today().plusDays(40).toString(), added.at("/task/milestones/1/dueDate").asText());
        assertTrue(added.at("/task/milestones/1/completedAt").isNull());

        As.judicial();
        complete(task, first, Map.of("note", "抽查案卷 120 件")).statusCode(200).header("ETag", "\"5\"")
                .body("done", equalTo(true)).body("completedBy", equalTo("judicial1"))
                .body("note", equalTo("抽查案卷 120 件")).body("completedAt", notNullValue());
        assertTrue(lastEvent(task).at("/task/milestones/0/completedAt").isTextual());
        put(task, second, milestone("形成评查报告并通报", 30)).statusCode(200).body("title", equalTo("形成评查报告并通报"));

        // a month and a half later the open one is overdue, the completed one is not
        clock.advance(Duration.ofDays(45));
        for (Runnable who : List.<Runnable>of(As::office, As::judicial, As::market, As::leader, As::auditor)) {
            who.run();
            given().get("/api/tasks/" + task).then().statusCode(200)
                    .body("milestones.title", contains("完成案卷抽查", "形成评查报告并通报"))
                    .body("milestones.done", contains(true, false))
                    .body("milestones.overdue", contains(false, true));
            given().get("/api/tasks/" + task + "/milestones").then().statusCode(200).body("", hasSize(2));
        }
        As.street();
        given().get("/api/tasks/" + task + "/milestones").then().statusCode(404);
        As.office();
        // the list carries them too (the most recently changed task is this one)
        given().queryParam("sort", "-updatedAt").queryParam("size", 1).get("/api/tasks").then().statusCode(200)
                .body("items[0].id", equalTo(task)).body("items[0].milestones.overdue", contains(false, true));

        As.auditor();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200)
                .body("items.action", contains("DISPATCH", "ACKNOWLEDGE", "PLAN_MILESTONES", "PLAN_MILESTONES",
                        "COMPLETE_MILESTONE", "PLAN_MILESTONES"))
                .body("items.capacity", contains("OFFICE", "LEAD_DEPARTMENT", "LEAD_DEPARTMENT", "OFFICE",
                        "LEAD_DEPARTMENT", "LEAD_DEPARTMENT"))
                .body("items[2].detail.change", equalTo("ADD"))
                .body("items[2].detail.milestone.after.title", equalTo("完成案卷抽查"))
                .body("items[4].detail.milestone.after.note", equalTo("抽查案卷 120 件"))
                .body("items[5].detail.change", equalTo("CHANGE"))
                .body("items[5].detail.milestone.before.title", equalTo("形成评查报告"))
                .body("items[5].detail.milestone.after.dueDate", equalTo(today().plusDays(30).toString()));
    }

    @Test
    void whoMayPlanAndComplete() {
        String task = draft();
        acknowledged(task);
        As.office();
        String m = add(task, milestone("完成案卷抽查", 10)).statusCode(201).extract().path("id");
        for (Runnable who : List.<Runnable>of(As::market, As::leader, As::auditor)) {
            who.run();
            add(task, milestone("不该有", 5)).statusCode(403).contentType("application/problem+json");
            put(task, m, milestone("不该改", 5)).statusCode(403);
            delete(task, m).statusCode(403);
            complete(task, m, Map.of()).statusCode(403);
        }
        As.market();
        add(task, milestone("配合单位", 5)).statusCode(403)
                .body("type", equalTo("urn:rol:problem:task.lead-department-only"));
        As.street();
        add(task, milestone("别的单位", 5)).statusCode(404);
        put(task, m, milestone("别的单位", 5)).statusCode(404);
        delete(task, m).statusCode(404);
        complete(task, m, Map.of()).statusCode(404);
        As.nobody();
        add(task, milestone("无令牌", 5)).statusCode(401);
        As.judicial();
        json().header("If-Match", "\"1\"").body(milestone("过期版本", 5)).post("/api/tasks/" + task + "/milestones")
                .then().statusCode(412);
        given().header("If-Match", "\"1\"").delete("/api/tasks/" + task + "/milestones/" + m).then().statusCode(412);
        delete(task, m).statusCode(204).header("ETag", "\"4\"");
        given().get("/api/tasks/" + task).then().body("milestones", hasSize(0)).body("version", equalTo(4));
        given().get("/api/tasks/" + task + "/history").then().body("items[-1].detail.change", equalTo("REMOVE"))
                .body("items[-1].detail.milestone.before.title", equalTo("完成案卷抽查"));
        put(task, m, milestone("已删除", 5)).statusCode(404);
    }

    @Test
    void badMilestonesAreNamed() {
        String task = draft();
        dispatched(task); // deadline in 60 days
        As.office();
        add(task, Map.of()).statusCode(400).body("errors.field", contains("title", "dueDate"));
        add(task, milestone("超出时限", 61)).statusCode(400).body("errors.field", contains("dueDate"))
                .body("errors[0].message", containsString("完成时限"));
        add(task, milestone("已过去", -1)).statusCode(400).body("errors.field", contains("dueDate"));
        add(task, milestone("长".repeat(101), 5)).statusCode(400).body("errors.field", contains("title"));
        json().post("/api/tasks/" + task + "/milestones").then().statusCode(400).body("errors.field", contains("body"));
        assertEquals(1, version(task), "nothing was stored");
        String m = add(task, milestone("节点", 60)).statusCode(201).extract().path("id");
        // the deadline cannot move before an open milestone
        json().body(Map.of("deadline", today().plusDays(50).toString(), "reason", "提前"))
                .patch("/api/tasks/" + task).then().statusCode(400).body("errors.field", contains("deadline"))
                .body("errors[0].message", containsString("节点"));
        // completing needs the lead to have taken the task on
        complete(task, m, Map.of()).statusCode(409).body("state", equalTo("DISPATCHED"));
        As.judicial();
        post(task, "acknowledge", null).statusCode(200);
        complete(task, m, Map.of("note", "完成")).statusCode(200);
        complete(task, m, Map.of()).statusCode(409).body("type", equalTo("urn:rol:problem:milestone-completed"));
        put(task, m, milestone("改已完成的", 5)).statusCode(409);
        delete(task, m).statusCode(409);
    }

    @Test
    void aDraftsMilestonesBindTheDeadlineItIsDispatchedWith() {
        String task = draft();
        As.office();
        add(task, milestone("草稿阶段的节点", 100)).statusCode(201);
        post(task, "dispatch", dispatchBody()).statusCode(400).body("errors.field", contains("deadline"));
        post(task, "dispatch", Map.of("leadDepartment", "judicial-bureau", "deadline", today().plusDays(100).toString()))
                .statusCode(200);
    }

    @Test
    void notUnderReviewAndNotOnceFinished() {
        String task = draft();
        submitted(task);
        As.judicial();
        add(task, milestone("审核中", 5)).statusCode(409).body("state", equalTo("SUBMITTED"));
        As.office();
        post(task, "close", null).statusCode(200);
        add(task, milestone("已销号", 5)).statusCode(409).body("state", equalTo("CLOSED"))
                .body("allowedActions", hasSize(0));
        String cancelled = draft();
        As.office();
        post(cancelled, "cancel", Map.of("reason", "撤销")).statusCode(200);
        add(cancelled, milestone("已撤销", 5)).statusCode(409).body("state", equalTo("CANCELLED"));
    }
}
