package rol.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the matrix in docs/security.md, called with a real token of every role (and without one):
 * each answer must be what the matrix says. The matrix is read from the document, so the two cannot drift apart.
 * Rows that name a task or a problem get one prepared for them ({@link #target}): refused calls come first and must
 * leave it as it was; each allowed call that changes it gets a fresh one in the state the call needs.
 */
@ExtendWith(RunningSystem.class)
class AuthorizationIT {

    /** One user per role; department staff carry their department claim ({@link Tasks#OWN}). */
    private static final Map<String, String> USERS = Map.of(
            "office", "office1", "department", "judicial1", "leader", "leader1", "auditor", "auditor1");

    record Row(String service, String method, String path, Map<String, String> expected) {
        @Override
        public String toString() {
            return method + " " + service + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    /**
     * What one call is made on: the placeholders' values, and how the office sees it ({@code state}), to check that a
     * refused call changed nothing; null for rows that only need ids (any answer but 401/403 is then "allowed").
     */
    record Target(Map<String, String> values, Supplier<String> state) {
    }

    private static String publishedReport;
    private static String plan;
    /** Read-only targets: a report no row corrects, two of its tasks dispatched, one of its problems. */
    private static String ownTask;
    private static String otherTask;
    private static String problem;

    @BeforeAll
    static void records() {
        publishedReport = ReportCorrectionIT.receiveAndPublish();
        await().atMost(Duration.ofSeconds(20)).until(() -> RunningSystem.as(RunningSystem.task(), "office1")
                .queryParam("reportId", publishedReport).get("/api/work-plans").then().extract().<Integer>path("total") == 1);
        plan = RunningSystem.as(RunningSystem.task(), "office1").queryParam("reportId", publishedReport)
                .get("/api/work-plans").then().extract().path("items[0].id");

        List<Tasks.Ref> tasks = Tasks.publish();
        ownTask = Tasks.dispatch(tasks.get(0).id(), Tasks.OWN);
        otherTask = Tasks.dispatch(tasks.get(1).id(), Tasks.OTHER);
        String report = tasks.get(0).reportId();
        await().atMost(Tasks.LOST_EVENT_GUARD).until(() -> RunningSystem.as(RunningSystem.task(), "office1")
                .queryParam("reportId", report).get("/api/problems").then().extract().<Integer>path("total") > 0);
        problem = RunningSystem.as(RunningSystem.task(), "office1").queryParam("reportId", report)
                .get("/api/problems").then().extract().path("items[0].id");
    }

    static List<Row> matrix() throws IOException {
        String doc = Files.readString(TestStack.root().resolve("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- matrix:start -->"), doc.indexOf("<!-- matrix:end -->"));
        List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 3; i < header.size(); i++) {
                expected.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), expected));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return java.util.Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    /** Cells that let the call through: {@code yes}, and {@code own} (on a task of the caller's department). */
    private static boolean allows(String cell) {
        return cell.equals("yes") || cell.equals("own");
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws IOException {
        List<Row> rows = matrix();
        assertTrue(rows.size() >= 7, "the matrix lists the endpoints");
        List<String> wrong = new ArrayList<>();
        int unexpectedAllows = 0;
        for (Row row : rows) {
            assertEquals(USERS.keySet(), row.expected().keySet(), "the matrix has a column per role: " + row);
            Target target = target(row);
            String before = target.state() == null ? null : target.state().get();
            int anonymous = call(row, null, target);
            if (anonymous != 401) {
                wrong.add(row + " without a token: " + anonymous + ", expected 401");
            }
            unchanged(row, "without a token", target, before, wrong);
            // refusals first, all on the same target: they must leave it as it was for the first allowed call
            List<Map.Entry<String, String>> cells = new ArrayList<>(row.expected().entrySet());
            cells.sort(Comparator.comparing(c -> allows(c.getValue())));
            boolean used = false;
            for (var cell : cells) {
                String role = cell.getKey();
                if (cell.getValue().equals("own") && !(role.equals("department") && row.path().contains("{task}"))) {
                    wrong.add(row + ": 'own' is for the department column of a {task} row, not " + role);
                    continue;
                }
                if (used) {
                    target = target(row);
                    before = target.state() == null ? null : target.state().get();
                    used = false;
                }
                int status = call(row, USERS.get(role), target);
                boolean allowed = status != 401 && status != 403;
                switch (cell.getValue()) {
                    case "yes", "own" -> {
                        if (!allowed) {
                            wrong.add(row + " as " + role + ": " + status + ", expected allowed");
                        } else if (target.state() != null && (status < 200 || status > 299)) {
                            wrong.add(row + " as " + role + ": " + status + ", expected 2xx on a prepared target");
                        }
                        used = row.writes();
                    }
                    case "no", "hidden" -> {
                        int expected = cell.getValue().equals("no") ? 403 : 404;
                        if (status != expected) {
                            wrong.add(row + " as " + role + ": " + status + ", expected " + expected);
                            unexpectedAllows += allowed ? 1 : 0;
                        }
                        unchanged(row, "as " + role, target, before, wrong);
                    }
                    default -> wrong.add(row + ": unknown cell '" + cell.getValue() + "' for " + role);
                }
            }
        }
        assertEquals(0, unexpectedAllows, "unexpected allows, among " + wrong);
        assertEquals(List.of(), wrong);
    }

    private static void unchanged(Row row, String who, Target target, String before, List<String> wrong) {
        if (target.state() != null) {
            String after = target.state().get();
            if (!after.equals(before)) {
                wrong.add(row + " " + who + " changed " + target.values() + ": " + before + " -> " + after);
            }
        }
    }

    /**
     * What a row is called on. Report rows: a published report (a fresh draft for publish) and an item that exists
     * now (earlier office calls of other rows have changed the report). Task rows: a task led by the department user's
     * department ({@code {task}}) or another's ({@code {other-task}}), read-only for GET rows and otherwise fresh, in
     * the state the action needs; {@code {draft}} a fresh draft; {@code {request}} a pending extension request and
     * {@code {revision}} a pending revision of that task. Problem rows: a problem, with {@code {task}} linked to it.
     */
    private static Target target(Row row) {
        String path = row.path();
        if (path.startsWith("/api/reports")) {
            // a fresh draft per target, so that an allowed publish is not answered 409 by the one before it
            String report = path.endsWith("/publish") ? ReportCorrectionIT.receive() : publishedReport;
            Map<String, String> values = new HashMap<>(Map.of("{report}", report));
            String part = partOf(path);
            if (part != null) {
                List<String> items = leaves(report, part);
                values.put("{item}", items.isEmpty() ? "none" : items.get(0));
                values.put("{items}", String.join(",", items.subList(0, Math.min(2, items.size()))));
            }
            return new Target(values, null);
        }
        if (path.contains("{problem}")) {
            if (row.method().equals("DELETE")) {
                RunningSystem.as(RunningSystem.task(), "office1").contentType(ContentType.JSON)
                        .body(Map.of("taskId", ownTask)).post("/api/problems/" + problem + "/links")
                        .then().statusCode(200);
            }
            return new Target(Map.of("{problem}", problem, "{task}", ownTask), () -> RunningSystem.as(
                    RunningSystem.task(), "office1").get("/api/problems/" + problem).then().statusCode(200)
                    .extract().asString());
        }
        if (path.contains("{subscription}")) {
            String id = RunningSystem.as(RunningSystem.notification(), "office1").contentType(ContentType.JSON)
                    .body(subscription()).post("/api/subscriptions").then().statusCode(201).extract().path("id");
            return new Target(Map.of("{subscription}", id), () -> RunningSystem.as(RunningSystem.notification(),
                    "office1").get("/api/subscriptions").then().statusCode(200).extract().path("items.id").toString());
        }
        if (path.contains("{draft}")) {
            String draft = Tasks.draft();
            return new Target(Map.of("{draft}", draft), () -> Tasks.state(draft));
        }
        String key = path.contains("{task}") ? "{task}" : path.contains("{other-task}") ? "{other-task}" : null;
        if (key == null) {
            return new Target(Map.of("{plan}", plan), null);
        }
        String lead = key.equals("{task}") ? Tasks.OWN : Tasks.OTHER;
        if (path.contains("{file}")) {
            // the read-only tasks are only dispatched, and evidence is uploaded from acknowledgement on
            String id = Tasks.acknowledged(lead);
            String file = RunningSystem.as(RunningSystem.task(), "office1").multiPart("file", EVIDENCE_NAME, EVIDENCE,
                    "text/plain").post("/api/tasks/" + id + "/evidence").then().statusCode(201).extract().path("id");
            return new Target(Map.of(key, id, "{file}", file), () -> Tasks.state(id));
        }
        if (!row.writes()) {
            String shared = key.equals("{task}") ? ownTask : otherTask;
            return new Target(Map.of(key, shared), () -> Tasks.state(shared));
        }
        if (path.contains("{milestone}")) {
            String id = Tasks.acknowledged(lead);
            String milestone = RunningSystem.as(RunningSystem.task(), "office1").contentType(ContentType.JSON)
                    .body(milestone()).post("/api/tasks/" + id + "/milestones").then().statusCode(201)
                    .extract().path("id");
            return new Target(Map.of(key, id, "{milestone}", milestone), () -> Tasks.state(id) + " "
                    + RunningSystem.as(RunningSystem.task(), "office1").get("/api/tasks/" + id + "/milestones")
                    .then().statusCode(200).extract().asString());
        }
        String action = path.substring(path.lastIndexOf('/') + 1);
        return switch (action) {
            case "{task}", "{other-task}", "milestones" -> task(key, Tasks.dispatched(lead));
            case "reassign" -> task(key, Tasks.acknowledged(lead));
            case "acknowledge", "cancel", "key-supervision" -> task(key, Tasks.dispatched(lead));
            case "progress", "extension-requests" -> task(key, Tasks.acknowledged(lead));
            case "evidence" -> {
                String id = Tasks.acknowledged(lead);
                yield new Target(Map.of(key, id), () -> Tasks.state(id) + " " + RunningSystem.as(RunningSystem.task(),
                        "office1").get("/api/tasks/" + id + "/evidence").then().statusCode(200).extract().path("items.id"));
            }
            case "submit" -> task(key, Tasks.inProgress(lead));
            case "close", "return" -> task(key, Tasks.submitted(lead));
            case "decision" -> {
                Tasks.Requested r = Tasks.extensionRequested(lead);
                yield new Target(Map.of(key, r.task(), "{request}", r.request()), () -> Tasks.state(r.task())
                        + " " + RunningSystem.as(RunningSystem.task(), "office1").get("/api/tasks/" + r.task()
                        + "/extension-requests").then().statusCode(200).extract().path("items.status"));
            }
            case "accept", "reject" -> {
                Tasks.Revised r = Tasks.pendingRevision(lead);
                yield new Target(Map.of(key, r.task(), "{revision}", r.revision()), () -> Tasks.state(r.task())
                        + " " + RunningSystem.as(RunningSystem.task(), "office1").get("/api/tasks/" + r.task()
                        + "/pending-revisions").then().statusCode(200).extract().path("items.status"));
            }
            default -> throw new IllegalArgumentException("AuthorizationIT.target cannot prepare a task for " + row);
        };
    }

    /** The small text file an evidence upload (and a 台账 import, which the office is refused as no spreadsheet) sends. */
    private static final String EVIDENCE_NAME = "authz-evidence.txt";
    private static final byte[] EVIDENCE = "授权测试上传的佐证材料。\n".getBytes(StandardCharsets.UTF_8);

    private static boolean uploadsAFile(Row row) {
        return row.method().equals("POST") && (row.path().endsWith("/evidence") || row.path().equals("/api/imports"));
    }

    private static Map<String, Object> milestone() {
        return Map.of("title", "授权测试的序时节点", "dueDate", LocalDate.now().plusDays(30).toString());
    }

    private static Map<String, Object> subscription() {
        return Map.of("district", "licheng", "recipientType", "DEPARTMENT", "recipientId", Tasks.OWN,
                "channel", "EMAIL", "target", "authz@example.org");
    }

    private static Target task(String key, String id) {
        return new Target(Map.of(key, id), () -> Tasks.state(id));
    }

    /** The correctable part a report path names ({@code plan}, {@code problems}, {@code achievements}), else null. */
    private static String partOf(String path) {
        for (String part : List.of("plan", "problems", "achievements")) {
            if (path.contains("/" + part)) {
                return part;
            }
        }
        return null;
    }

    /** Ids of sibling leaves of a part, in order: the top level of plan and problems, the first theme's items. */
    private static List<String> leaves(String report, String part) {
        var body = RunningSystem.as(RunningSystem.report(), "office1").get("/api/reports/" + report).then()
                .statusCode(200).extract().jsonPath();
        return part.equals("achievements") ? body.getList("achievements[0].items.id", String.class)
                : body.getList(part + ".findAll { it.children == null || it.children.isEmpty() }.id", String.class);
    }

    /**
     * One call of a row as {@code user} (null: no token) on a target, with a valid body where the suite knows one
     * (a multipart form with a small text file for an evidence upload); other writes get an empty JSON object (answered 400 to the office, which counts as allowed on rows without a
     * prepared target).
     */
    private static int call(Row row, String user, Target target) {
        RequestSpecification spec = switch (row.service()) {
            case "report" -> RunningSystem.report();
            case "task" -> RunningSystem.task();
            case "notification" -> RunningSystem.notification();
            default -> throw new IllegalArgumentException("unknown service " + row.service());
        };
        if (user != null) {
            spec = spec.auth().oauth2(RunningSystem.token(user));
        }
        String path = row.path();
        for (var value : target.values().entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalArgumentException("AuthorizationIT has no value for a placeholder of " + row);
        }
        Object body = body(row, target);
        if (row.method().equals("POST") && row.path().equals("/api/reports")) {
            spec = spec.contentType("text/plain; charset=UTF-8").body(ReportCorrectionIT.text());
        } else if (uploadsAFile(row)) {
            spec = spec.multiPart("file", EVIDENCE_NAME, EVIDENCE, "text/plain");
        } else if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(row.method(), path).then().extract().statusCode();
    }

    /** A valid body for the rows that take one; an empty object for other writes but DELETE; null for reads. */
    private static Object body(Row row, Target target) {
        String path = row.path();
        String method = row.method();
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        if (method.equals("PATCH") && path.startsWith("/api/reports")) {
            return Map.of("issuer", "某区市场监管局");
        }
        if (partOf(path) != null && path.startsWith("/api/reports")) {
            if (path.endsWith("/split")) {
                return Map.of("parts", List.of(Map.of("text", "拆分之一"), Map.of("text", "拆分之二")));
            }
            if (path.endsWith("/merge")) {
                String items = target.values().getOrDefault("{items}", "");
                return Map.of("ids", items.isEmpty() ? List.of() : List.of(items.split(",")));
            }
            return Map.of("text", "授权测试中写入的内容。");
        }
        if (path.startsWith("/api/subscriptions")) {
            return subscription();
        }
        String action = path.substring(path.lastIndexOf('/') + 1);
        return switch (action) {
            case "{task}", "{other-task}" -> Map.of("title", "授权测试中改过的任务名称");
            case "reassign" -> Map.of("leadDepartment", "finance", "coDepartments", List.of(), "reason", "授权测试。");
            case "milestones", "{milestone}" -> milestone();
            case "complete" -> Map.of("note", "授权测试中完成的节点。");
            case "dispatch" -> Map.of("leadDepartment", Tasks.OWN, "coDepartments", List.of(),
                    "deadline", LocalDate.now().plusDays(90).toString());
            case "progress" -> Map.of("percent", 50, "note", "授权测试中的进度反馈。");
            case "return", "cancel" -> Map.of("reason", "授权测试。");
            case "key-supervision" -> Map.of("flagged", true);
            case "extension-requests" -> Tasks.extensionRequest();
            case "decision" -> Map.of("approve", true);
            case "links" -> Map.of("taskId", target.values().get("{task}"));
            // the role decides before the body does (the office gets 400 for it, still "allowed" on such rows)
            default -> Map.of();
        };
    }
}
