package rol.task.lifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rol.task.plan.Task;
import rol.task.workflow.TaskAction;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/**
 * {@code allowedActions} of the task view, for each role in each state: exactly the expected list, in the single
 * view and the list, and every listed action succeeds (on a fresh task in that state) while every other one is
 * refused and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class AllowedActionsApiTest {

    /** Who looks, in which identity; "other" is a department that neither leads nor supports the task. */
    private static final Map<String, Runnable> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("office", As::office);
        ROLES.put("lead", As::judicial);
        ROLES.put("co", As::market);
        ROLES.put("leader", As::leader);
        ROLES.put("auditor", As::auditor);
        ROLES.put("other", As::street);
    }

    /** A task in a state, and what each role sees ("404": not at all; empty: nothing to do). */
    enum Situation {
        DRAFT(task -> { }, "office: UPDATE_DEFINITION DISPATCH CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES; lead: 404; co: 404"),
        DISPATCHED(TaskFixture::dispatched, "office: UPDATE_DEFINITION ACKNOWLEDGE CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES;"
                + " lead: ACKNOWLEDGE PLAN_MILESTONES; co:"),
        ACKNOWLEDGED(TaskFixture::acknowledged, "office: UPDATE_DEFINITION REPORT_PROGRESS REQUEST_EXTENSION REASSIGN CANCEL"
                + " FLAG_KEY_SUPERVISION PLAN_MILESTONES; lead: REPORT_PROGRESS REQUEST_EXTENSION PLAN_MILESTONES;"
                + " co: REPORT_PROGRESS"),
        IN_PROGRESS(TaskFixture::inProgress, "office: UPDATE_DEFINITION REPORT_PROGRESS REQUEST_EXTENSION SUBMIT REASSIGN CANCEL"
                + " FLAG_KEY_SUPERVISION PLAN_MILESTONES; lead: REPORT_PROGRESS REQUEST_EXTENSION SUBMIT PLAN_MILESTONES;"
                + " co: REPORT_PROGRESS"),
        /** Flagged, an extension request pending, a milestone open. */
        IN_PROGRESS_BUSY(task -> busy(task, false), "office: UPDATE_DEFINITION REPORT_PROGRESS DECIDE_EXTENSION SUBMIT"
                + " REASSIGN CANCEL UNFLAG_KEY_SUPERVISION PLAN_MILESTONES COMPLETE_MILESTONE;"
                + " lead: REPORT_PROGRESS SUBMIT PLAN_MILESTONES COMPLETE_MILESTONE; co: REPORT_PROGRESS"),
        SUBMITTED(TaskFixture::submitted, "office: CLOSE RETURN CANCEL FLAG_KEY_SUPERVISION; lead:; co:"),
        SUBMITTED_BUSY(task -> busy(task, true), "office: DECIDE_EXTENSION CLOSE RETURN CANCEL UNFLAG_KEY_SUPERVISION"
                + " COMPLETE_MILESTONE; lead: COMPLETE_MILESTONE; co:"),
        RETURNED(task -> office(task, TaskFixture::submitted, "return"), "office: UPDATE_DEFINITION REPORT_PROGRESS"
                + " REQUEST_EXTENSION SUBMIT REASSIGN CANCEL FLAG_KEY_SUPERVISION PLAN_MILESTONES;"
                + " lead: REPORT_PROGRESS REQUEST_EXTENSION SUBMIT PLAN_MILESTONES; co: REPORT_PROGRESS"),
        CLOSED(task -> office(task, TaskFixture::submitted, "close"), "office:; lead:; co:"),
        CANCELLED(task -> office(task, TaskFixture::dispatched, "cancel"), "office:; lead:; co:");

        final Consumer<String> setUp;
        /** role → expected list, or null for a task the role cannot see; leaders and auditors always see, never act. */
        final Map<String, List<TaskAction>> expected = new LinkedHashMap<>();

        Situation(Consumer<String> setUp, String expected) {
            this.setUp = setUp;
            for (String part : expected.split(";")) {
                String[] kv = part.split(":", 2);
                String list = kv[1].strip();
                this.expected.put(kv[0].strip(), list.equals("404") ? null : list.isEmpty() ? List.of()
                        : Arrays.stream(list.split("\\s+")).map(TaskAction::valueOf).toList());
            }
            this.expected.put("leader", List.of());
            this.expected.put("auditor", List.of());
            this.expected.put("other", null);
        }

        String fresh() {
            String task = draft();
            setUp.accept(task);
            return task;
        }
    }

    private static void busy(String task, boolean submit) {
        inProgress(task);
        As.office();
        json().body(Map.of("flagged", true)).put("/api/tasks/" + task + "/key-supervision").then().statusCode(200);
        post(task, "milestones", Map.of("title", "完成案卷抽查", "dueDate", today().plusDays(10).toString()))
                .statusCode(201);
        As.judicial();
        post(task, "extension-requests", extension()).statusCode(201);
        if (submit) {
            post(task, "submit", null).statusCode(200);
        }
    }

    private static void office(String task, Consumer<String> before, String action) {
        before.accept(task);
        As.office();
        post(task, action, Map.of("reason", "测试")).statusCode(200);
    }

    private static Map<String, Object> extension() {
        return Map.of("newDeadline", today().plusDays(90).toString(), "reason", "需要更多时间");
    }

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @ParameterizedTest
    @EnumSource(Situation.class)
    void eachRoleSeesExactlyWhatItMayDoAndOnlyThatIsAccepted(Situation situation) {
        String task = situation.fresh();
        String reportId = QuarkusTransaction.requiringNew().call(() ->
                Task.<Task>findById(UUID.fromString(task)).reportId.toString());
        for (var role : ROLES.entrySet()) {
            List<TaskAction> expected = situation.expected.get(role.getKey());
            role.getValue().run();
            String where = situation + " as " + role.getKey();
            if (expected == null) {
                given().get("/api/tasks/" + task).then().statusCode(404);
            } else {
                List<String> names = expected.stream().map(Enum::name).toList();
                assertEquals(names, given().get("/api/tasks/" + task).then().statusCode(200).extract()
                        .jsonPath().getList("allowedActions", String.class), where);
                assertEquals(names, given().queryParam("reportId", reportId).get("/api/tasks").then().statusCode(200)
                        .extract().jsonPath().getList("items[0].allowedActions", String.class), where + " (list)");
            }
        }
        // everything not listed is refused, by anyone, and leaves the task as it was
        long version = version(task);
        Targets targets = Targets.of(task);
        int refused = 0;
        for (var role : ROLES.entrySet()) {
            List<TaskAction> listed = situation.expected.get(role.getKey());
            for (TaskAction action : TaskAction.values()) {
                if (listed != null && listed.contains(action)) {
                    continue;
                }
                role.getValue().run();
                int status = attempt(task, action, targets);
                String where = situation + " as " + role.getKey() + ": " + action + " answered " + status;
                // a flag already set (or lifted) is an idempotent PUT: 200 without any change
                boolean idempotentFlag = (action == TaskAction.FLAG_KEY_SUPERVISION
                        || action == TaskAction.UNFLAG_KEY_SUPERVISION) && status == 200;
                assertTrue(status == 403 || status == 404 || status == 409 || idempotentFlag, where);
                assertEquals(version, version(task), where);
                refused++;
            }
        }
        assertTrue(refused > 0);
        // every listed action succeeds, each on a task of its own in this situation
        for (var role : ROLES.entrySet()) {
            List<TaskAction> listed = situation.expected.get(role.getKey());
            for (TaskAction action : listed == null ? List.<TaskAction>of() : listed) {
                String fresh = situation.fresh();
                Targets freshTargets = Targets.of(fresh);
                role.getValue().run();
                int status = attempt(fresh, action, freshTargets);
                assertTrue(status == 200 || status == 201 || status == 204,
                        situation + " as " + role.getKey() + ": " + action + " answered " + status);
                assertTrue(version(fresh) > version, "the task changed");
            }
        }
    }

    /** The pending extension request and an open milestone of a task, or ids that name nothing. */
    private record Targets(String request, String milestone) {
        static Targets of(String task) {
            As.office();
            String request = given().get("/api/tasks/" + task + "/extension-requests").then().statusCode(200)
                    .extract().jsonPath().getString("items.find { it.status == 'PENDING' }.id");
            String milestone = given().get("/api/tasks/" + task + "/milestones").then().statusCode(200)
                    .extract().jsonPath().getString("find { !it.done }.id");
            return new Targets(request != null ? request : UUID.randomUUID().toString(),
                    milestone != null ? milestone : UUID.randomUUID().toString());
        }
    }

    /** The action over HTTP with a body that is valid for it; the answer's status. */
    private static int attempt(String task, TaskAction action, Targets targets) {
        String base = "/api/tasks/" + task;
        Map<String, Object> reason = Map.of("reason", "测试");
        var answer = switch (action) {
            case UPDATE_DEFINITION -> json().body(Map.of("title", "开展行政执法案卷评查（调整）")).patch(base);
            case DISPATCH -> json().body(dispatchBody()).post(base + "/dispatch");
            case ACKNOWLEDGE -> given().post(base + "/acknowledge");
            case REPORT_PROGRESS -> json().body(Map.of("percent", 50, "note", "已完成一半")).post(base + "/progress");
            case REQUEST_EXTENSION -> json().body(extension()).post(base + "/extension-requests");
            case DECIDE_EXTENSION -> json().body(Map.of("approve", true))
                    .post(base + "/extension-requests/" + targets.request() + "/decision");
            case SUBMIT -> given().post(base + "/submit");
            case CLOSE -> given().post(base + "/close");
            case RETURN -> json().body(reason).post(base + "/return");
            case REASSIGN -> json().body(Map.of("leadDepartment", "kaiyuan-subdistrict", "reason", "改派"))
                    .post(base + "/reassign");
            case CANCEL -> json().body(reason).post(base + "/cancel");
            case FLAG_KEY_SUPERVISION -> json().body(Map.of("flagged", true)).put(base + "/key-supervision");
            case UNFLAG_KEY_SUPERVISION -> json().body(Map.of("flagged", false)).put(base + "/key-supervision");
            case PLAN_MILESTONES -> json().body(Map.of("title", "阶段目标", "dueDate", today().plusDays(20).toString()))
                    .post(base + "/milestones");
            case COMPLETE_MILESTONE -> json().body(Map.of()).post(base + "/milestones/" + targets.milestone()
                    + "/complete");
        };
        return answer.then().extract().statusCode();
    }
}
