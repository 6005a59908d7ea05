package rol.e2e;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * Tasks made the way users make them: a synthetic report published as the office, its draft tasks awaited, then
 * walked by the office through the lifecycle to the state a test needs. Every task handed out is fresh, so a test
 * that changes it does not change another test's task.
 */
final class Tasks {

    /** The department of the demo user judicial1, who acts as department staff in the suites. */
    static final String OWN = "judicial-bureau";
    /** A department none of the department users of the suites belongs to. */
    static final String OTHER = "market-regulation";
    /**
     * How long published tasks may take to appear before the suites call the event lost. Generous on purpose: this
     * guards against losing events, it does not time the system (bench/publish-latency does, docs/benchmarks.md).
     */
    static final Duration LOST_EVENT_GUARD = Duration.ofSeconds(30);

    private static final LocalDate DEADLINE = LocalDate.now().plusDays(180);
    private static final Deque<String> DRAFTS = new ArrayDeque<>();

    record Ref(String id, String planItemId, String reportId) {
    }

    record Requested(String task, String request) {
    }

    record Revised(String task, String revision) {
    }

    private Tasks() {
    }

    /**
     * Polls {@code GET /api/tasks?reportId=} every 50 ms until it lists {@code expected} tasks and answers the time
     * from {@code publishedAt} ({@link System#nanoTime()} when the publish answer arrived) to the first poll that
     * saw them all; fails after {@link #LOST_EVENT_GUARD}.
     */
    static Duration awaitTasks(String reportId, int expected, long publishedAt) {
        AtomicLong seen = new AtomicLong();
        await("the " + expected + " tasks of report " + reportId).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).atMost(LOST_EVENT_GUARD).until(() -> {
                    int total = as(task(), "office1").queryParam("reportId", reportId).queryParam("size", 200)
                            .get("/api/tasks").then().statusCode(200).extract().path("total");
                    if (total != expected) {
                        return false;
                    }
                    seen.set(System.nanoTime());
                    return true;
                });
        return Duration.ofNanos(seen.get() - publishedAt);
    }

    /** A new synthetic report, published; answers its tasks once task-service has all of them (drafts). */
    static List<Ref> publish() {
        String report = ReportCorrectionIT.receiveAndPublish();
        awaitTasks(report, ReportCorrectionIT.PLAN_ITEMS, System.nanoTime());
        var body = as(task(), "office1").queryParam("reportId", report).queryParam("size", 200).get("/api/tasks")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = body.getList("items.id", String.class);
        List<String> items = body.getList("items.planItemId", String.class);
        return java.util.stream.IntStream.range(0, ids.size()).mapToObj(i -> new Ref(ids.get(i), items.get(i), report))
                .toList();
    }

    /** A draft task nobody has touched (no department sees it yet). */
    static String draft() {
        if (DRAFTS.isEmpty()) {
            publish().forEach(t -> DRAFTS.add(t.id()));
        }
        return DRAFTS.poll();
    }

    /** The office dispatches a task to {@code lead}, no co-departments, due in half a year. */
    static String dispatch(String id, String lead) {
        return dispatch(id, lead, DEADLINE);
    }

    /** The office dispatches a task to {@code lead}, no co-departments, due on {@code deadline}. */
    static String dispatch(String id, String lead, LocalDate deadline) {
        act(id, "dispatch", Map.of("leadDepartment", lead, "coDepartments", List.of(), "deadline", deadline.toString()))
                .body("state", equalTo("DISPATCHED"));
        return id;
    }

    /** A task due on {@code deadline} taken through the whole lifecycle to 销号 today (the office acts for all). */
    static String closed(String lead, LocalDate deadline) {
        String id = dispatch(draft(), lead, deadline);
        act(id, "acknowledge", null).body("state", equalTo("ACKNOWLEDGED"));
        act(id, "progress", Map.of("percent", 100, "note", "已全部完成。")).body("state", equalTo("IN_PROGRESS"));
        act(id, "submit", null).body("state", equalTo("SUBMITTED"));
        act(id, "close", null).body("state", equalTo("CLOSED"));
        return id;
    }

    static String dispatched(String lead) {
        return dispatch(draft(), lead);
    }

    static String acknowledged(String lead) {
        String id = dispatched(lead);
        act(id, "acknowledge", null).body("state", equalTo("ACKNOWLEDGED"));
        return id;
    }

    static String inProgress(String lead) {
        String id = acknowledged(lead);
        act(id, "progress", Map.of("percent", 30, "note", "准备中的进度反馈。")).body("state", equalTo("IN_PROGRESS"));
        return id;
    }

    static String submitted(String lead) {
        String id = inProgress(lead);
        act(id, "submit", null).body("state", equalTo("SUBMITTED"));
        return id;
    }

    /** An acknowledged task with a pending extension request (entered by the office, which may do so). */
    static Requested extensionRequested(String lead) {
        String id = acknowledged(lead);
        String request = as(task(), "office1").contentType(ContentType.JSON).body(extensionRequest())
                .post("/api/tasks/" + id + "/extension-requests").then().statusCode(201).extract().path("id");
        return new Requested(id, request);
    }

    static Map<String, Object> extensionRequest() {
        return Map.of("newDeadline", DEADLINE.plusDays(60).toString(), "reason", "需要更多时间。");
    }

    /**
     * A dispatched task with a pending revision: a report of its own (so that no other test's task is revised), the
     * task of its first plan item dispatched, then that item corrected in the published report. The report's other
     * tasks, still drafts, join the pool once the revision has been applied to them.
     */
    static Revised pendingRevision(String lead) {
        List<Ref> refs = publish();
        Ref first = refs.stream().filter(r -> r.planItemId().equals("plan-1")).findFirst().orElseThrow();
        dispatch(first.id(), lead);
        as(report(), "office1").contentType(ContentType.JSON).body(Map.of("text", "修订后的第一项工作。"))
                .put("/api/reports/" + first.reportId() + "/plan/plan-1").then().statusCode(200);
        await("a pending revision of task " + first.id()).atMost(LOST_EVENT_GUARD).until(() ->
                as(task(), "office1").get("/api/tasks/" + first.id() + "/pending-revisions").then().statusCode(200)
                        .extract().<Integer>path("pending") == 1);
        String revision = as(task(), "office1").get("/api/tasks/" + first.id() + "/pending-revisions").then()
                .extract().path("items.find { it.status == 'PENDING' }.id");
        refs.stream().filter(r -> r != first).forEach(r -> DRAFTS.add(r.id()));
        return new Revised(first.id(), revision);
    }

    /** What the lifecycle changes in a task, as the office reads it: state and version. */
    static String state(String id) {
        var body = as(task(), "office1").get("/api/tasks/" + id).then().statusCode(200).extract().jsonPath();
        return body.getString("state") + " v" + body.getLong("version");
    }

    private static io.restassured.response.ValidatableResponse act(String id, String action, Map<String, ?> body) {
        var spec = as(task(), "office1");
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.post("/api/tasks/" + id + "/" + action).then().statusCode(200);
    }
}
