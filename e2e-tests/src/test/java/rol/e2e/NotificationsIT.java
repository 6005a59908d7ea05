package rol.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * notification-service's "done when" on the running system: a real report's tasks dispatched with deadlines, the
 * clock moved to each reminder day; every reminder reaches the department's inbox and its email subscription
 * (GreenMail, the stack's {@code smtp}) exactly once, naming the department and the task's lead by the directory's
 * names (task-service's department-events), overdue tasks escalate to the office, a dead webhook fills the
 * dead letters and a replay to a repaired endpoint delivers, signed; the rollups equal a recount after every step;
 * a restart of notification-service in the middle loses and doubles nothing.
 */
@ExtendWith(RunningSystem.class)
class NotificationsIT {

    private static final TestStack STACK = RunningSystem.STACK;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FIXTURE = "licheng-justice-bureau-2024.txt";
    private static final String DEPARTMENT_USER = "judicial1";
    private static final String SECRET = "e2e-webhook-secret-" + UUID.randomUUID();
    private static final int OWN_TASKS = 3;
    /** Tasks.OWN's full name in task-service's directory (directory/licheng.yaml). */
    private static final String OWN_NAME = "泉州市鲤城区司法局";

    /** What the test expects in the department's inbox per task: kind → count, growing with the steps. */
    private final Map<String, Integer> expected = new TreeMap<>();
    private final String mailbox = "judicial-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private List<Map<String, Object>> own;
    private Map<String, Object> other;

    @Test
    void remindersEscalationsAndDeadLettersArriveExactlyOnceAcrossARestart() throws Exception {
        WorkingDays calendar = WorkingDays.load();
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate deadline = calendar.plus(today, 20);
        // earlier suites may have moved the clock; dispatching at the real time makes the plan start today
        moveClock(OffsetDateTime.now(ZoneOffset.ofHours(8)));
        try {
            pickTasks();
            String district = (String) own.get(0).get("district");
            as(notification(), "office1").contentType(ContentType.JSON).body(Map.of("district", district,
                    "recipientType", "DEPARTMENT", "recipientId", Tasks.OWN, "channel", "EMAIL", "target", mailbox))
                    .post("/api/subscriptions").then().statusCode(201);
            int deadPort;
            try (ServerSocket s = new ServerSocket(0)) {
                deadPort = s.getLocalPort();
            }
            Map<String, Object> webhook = new LinkedHashMap<>(Map.of("district", district, "recipientType", "OFFICE",
                    "channel", "WEBHOOK", "target", "http://127.0.0.1:" + deadPort + "/hook", "secret", SECRET,
                    "enabled", true, "kinds", List.of()));
            String webhookId = as(notification(), "office1").contentType(ContentType.JSON).body(webhook)
                    .post("/api/subscriptions").then().statusCode(201).extract().path("id");
            // subscribed first: a notice gets deliveries for the subscriptions there are when it is stored
            dispatchTasks(deadline);

            step(at(calendar.plus(deadline, -14)), Map.of("DISPATCHED", 1, "BEFORE_DEADLINE", 1));
            step(at(calendar.plus(deadline, -7)), Map.of("BEFORE_DEADLINE", 2));
            step(at(calendar.plus(deadline, -1)), Map.of("BEFORE_DEADLINE", 3));
            step(at(deadline), Map.of("ON_DEADLINE", 1));
            step(at(calendar.plus(deadline, 3)), Map.of("AFTER_DEADLINE", 1));
            assertOfficeEscalations(0);

            // restart mid-run: the clock goes back to the real time; the "at" moves do not depend on it
            STACK.down("notification-service");
            STACK.up("notification-service");
            // (the rollups are recounted only once the clock is back: lights counted in the future are not today's)
            checkDeliveries("after the restart");
            step(at(calendar.plus(deadline, 3)).plusHours(1), Map.of());

            OffsetDateTime escalationDay = at(calendar.plus(deadline, 5));
            step(escalationDay, Map.of("ESCALATION", 1));
            assertOfficeEscalations(1);

            // the dead endpoint: every office escalation is retried with backoff until it is a dead letter
            int dispatched = OWN_TASKS + 1;
            OffsetDateTime retry = escalationDay;
            // other suites' tasks on this stack may escalate on the same days: only these tasks' letters count
            for (int i = 0; i < 12 && ownDeadLetters(webhookId).size() < dispatched; i++) {
                retry = retry.plusHours(1);
                moveClock(retry);
            }
            List<Map<String, Object>> dead = ownDeadLetters(webhookId);
            assertEquals(dispatched, dead.size(), "one dead letter per escalated task: " + dead);
            assertEquals(allTaskIds(), dead.stream().map(d -> d.get("taskId")).collect(Collectors.toSet()));
            assertTrue(dead.stream().allMatch(d -> "ESCALATION".equals(d.get("kind"))));
            assertTrue(dead.stream().allMatch(d -> "WEBHOOK".equals(d.get("channel"))));
            assertTrue(dead.stream().allMatch(d -> Integer.valueOf(8).equals(d.get("attempts"))),
                    "notification.delivery.max-attempts (8) attempts each: " + dead);
            checkAll("after the webhook died");

            // repair: the live endpoint, the secret sent again (PUT is the whole subscription), then replay
            List<Received> received = new CopyOnWriteArrayList<>();
            HttpServer live = liveEndpoint(received);
            try {
                webhook.put("target", "http://127.0.0.1:" + live.getAddress().getPort() + "/hook");
                as(notification(), "office1").contentType(ContentType.JSON).body(webhook)
                        .put("/api/subscriptions/" + webhookId).then().statusCode(200);
                for (Map<String, Object> d : dead) {
                    as(notification(), "office1").post("/api/dead-letters/" + d.get("id") + "/replay")
                            .then().statusCode(200);
                }
                moveClock(retry.plusMinutes(1));
                Instant serviceNow = Instant.parse(as(notification(), "office1").get("/api/clock").then()
                        .statusCode(200).extract().path("now"));
                List<Received> ownReceived = own(received);
                assertEquals(dispatched, ownReceived.size(), "each replayed delivery once: " + received);
                assertEquals(dead.stream().map(d -> d.get("id")).collect(Collectors.toSet()),
                        ownReceived.stream().map(Received::delivery).collect(Collectors.toSet()));
                assertEquals(allTaskIds(), ownReceived.stream().map(r -> r.body().getString("taskId"))
                        .collect(Collectors.toSet()));
                for (Received r : ownReceived) {
                    assertEquals(sign(r.timestamp() + "." + r.raw()), r.signature(), "HMAC of " + r.delivery());
                    assertEquals(r.delivery(), r.body().getString("id"));
                    assertEquals("ESCALATION", r.body().getString("kind"));
                    // the timestamp comes from the service's (moved) clock, so it is checked against that clock
                    assertTrue(Math.abs(serviceNow.getEpochSecond() - Long.parseLong(r.timestamp())) <= 300,
                            "timestamp " + r.timestamp() + " near the service's now " + serviceNow);
                }
                assertEquals(List.of(), ownDeadLetters(webhookId));

                step(at(calendar.plus(deadline, 6)), Map.of("AFTER_DEADLINE", 2));
                assertEquals(dispatched, own(received).size(), "nothing delivered twice to the repaired webhook");
                assertOfficeEscalations(1);
            } finally {
                live.stop(0);
            }
        } finally {
            moveClock(OffsetDateTime.now(ZoneOffset.ofHours(8)));
        }
    }

    // ------------------------------------------------------------------ set-up

    private void pickTasks() throws IOException {
        Path file = TestStack.root().resolveSibling("shared").resolve("fixtures").resolve("reports").resolve(FIXTURE);
        byte[] bytes = Files.readAllBytes(file);
        // 201, or 200 when another suite received the same report first
        JsonPath created = as(report(), "office1").multiPart("file", FIXTURE, bytes).post("/api/reports").then()
                .statusCode(anyOf(equalTo(201), equalTo(200))).extract().jsonPath();
        String reportId = created.getString("id");
        if (created.getString("status").equals("DRAFT")) {
            as(report(), "office1").post("/api/reports/" + reportId + "/publish").then().statusCode(200);
        }
        await("the tasks of " + FIXTURE).atMost(Tasks.LOST_EVENT_GUARD).until(() ->
                as(task(), "office1").queryParam("reportId", reportId).queryParam("size", 200).get("/api/tasks")
                        .then().statusCode(200).extract().<Integer>path("total") > OWN_TASKS);
        List<Map<String, Object>> items = as(task(), "office1").queryParam("reportId", reportId)
                .queryParam("size", 200).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items");
        // drafts with distinct titles: an email is matched to its notice by its subject, which names the title
        List<Map<String, Object>> picked = new ArrayList<>(items.stream().filter(t -> "DRAFT".equals(t.get("state")))
                .collect(Collectors.toMap(t -> (String) t.get("title"), Function.identity(), (a, b) -> a,
                        LinkedHashMap::new)).values());
        assertTrue(picked.size() > OWN_TASKS, "enough draft tasks with distinct titles in " + FIXTURE);
        // other suites dispatch the same report's items to the same department: this run's titles are made its own
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> renamed = picked.subList(0, OWN_TASKS + 1).stream().map(t -> retitle(t, run))
                .toList();
        own = renamed.subList(0, OWN_TASKS);
        other = renamed.get(OWN_TASKS);
    }

    private static Map<String, Object> retitle(Map<String, Object> task, String run) {
        String title = task.get("title") + "（" + run + "）";
        as(task(), "office1").contentType(ContentType.JSON).body(Map.of("title", title))
                .patch("/api/tasks/" + task.get("id")).then().statusCode(200).body("title", equalTo(title));
        Map<String, Object> copy = new LinkedHashMap<>(task);
        copy.put("title", title);
        return copy;
    }

    private void dispatchTasks(LocalDate deadline) {
        int ownBefore = dispatchedIn(Tasks.OWN);
        int otherBefore = dispatchedIn(Tasks.OTHER);
        for (Map<String, Object> t : own) {
            dispatch((String) t.get("id"), Tasks.OWN, deadline);
        }
        dispatch((String) other.get("id"), Tasks.OTHER, deadline);
        // the reminders are planned when notification-service reads the dispatch events (at its clock's now);
        // the clock may move only after that, which the rollups, updated in the same transaction, show
        await("notification-service has read the dispatches").atMost(Tasks.LOST_EVENT_GUARD)
                .until(() -> dispatchedIn(Tasks.OWN) == ownBefore + OWN_TASKS
                        && dispatchedIn(Tasks.OTHER) == otherBefore + 1);
    }

    private static int dispatchedIn(String department) {
        Integer n = as(notification(), "office1").queryParam("scope", "department").queryParam("id", department)
                .get("/api/rollups").then().statusCode(200).extract().path("items[0].byState.DISPATCHED");
        return n == null ? 0 : n;
    }

    private static void dispatch(String id, String lead, LocalDate deadline) {
        as(task(), "office1").contentType(ContentType.JSON)
                .body(Map.of("leadDepartment", lead, "coDepartments", List.of(), "deadline", deadline.toString()))
                .post("/api/tasks/" + id + "/dispatch").then().statusCode(200).body("state", equalTo("DISPATCHED"));
    }

    // ------------------------------------------------------------------ steps and checks

    /** Moves the clock, adds what the step should have sent, and checks inboxes, mail and rollups. */
    private void step(OffsetDateTime to, Map<String, Integer> now) {
        moveClock(to);
        expected.putAll(now);
        checkAll("at " + to);
    }

    private static void moveClock(OffsetDateTime to) {
        NotificationClock.move(to);
    }

    private void checkAll(String when) {
        checkDeliveries(when);
        // the rollups equal a recount
        JsonPath recount = as(notification(), "office1").post("/api/rollups/reconcile").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, recount.getLong("taskDifferences"), "task lights " + when + ": " + recount.prettify());
        assertEquals(List.of(), recount.getList("scopeDifferences"), "rollup rows " + when + ": " + recount.prettify());
    }

    private void checkDeliveries(String when) {
        // the department's inbox: each expected reminder of each own task once, nothing of the other department's
        List<Map<String, Object>> inbox = inbox(DEPARTMENT_USER);
        Set<String> ownIds = own.stream().map(t -> (String) t.get("id")).collect(Collectors.toSet());
        List<Map<String, Object>> mine = inbox.stream().filter(n -> ownIds.contains(n.get("taskId"))).toList();
        for (String id : ownIds) {
            Map<String, Integer> counted = new TreeMap<>();
            mine.stream().filter(n -> id.equals(n.get("taskId")))
                    .forEach(n -> counted.merge((String) n.get("kind"), 1, Integer::sum));
            assertEquals(expected, counted, "department inbox of task " + id + " " + when);
        }
        assertTrue(inbox.stream().noneMatch(n -> other.get("id").equals(n.get("taskId"))),
                "no notice of another department's task in " + DEPARTMENT_USER + "'s inbox " + when);

        // the department's email: one message per department notice of the own tasks, matched by subject. The clock
        // move sends what is due before it answers, but a delivery the scheduled worker held at that moment is sent
        // by that worker a moment later, so the mailbox is awaited (a duplicate still fails: counts must equal 1)
        Map<String, Integer> wanted = new TreeMap<>();
        mine.forEach(n -> wanted.merge((String) n.get("title"), 1, Integer::sum));
        assertTrue(wanted.values().stream().allMatch(c -> c == 1), "notice titles are distinct: " + wanted);
        await("the department's mailbox " + when).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(15)).untilAsserted(() -> checkMailbox(wanted, when));
    }

    private void checkMailbox(Map<String, Integer> wanted, String when) {
        Map<String, Integer> bySubject = new TreeMap<>();
        Set<String> messageIds = new HashSet<>();
        for (Map<String, Object> m : new Mailbox(mailbox).messages()) {
            String subject = (String) m.get("subject");
            if (mentionsOurTasks(subject)) {
                bySubject.merge(subject, 1, Integer::sum);
                // the department (or, for an escalation, its head) is addressed, and the lead named, by name
                String text = Mailbox.text(m);
                assertTrue((text.startsWith(OWN_NAME + "：") || text.startsWith(OWN_NAME + "主要负责人："))
                        && text.contains("牵头单位：" + OWN_NAME)
                        && !text.contains(Tasks.OWN), "the department by its name in " + subject + ":\n" + text);
                // GreenMail names the field "Message-ID" (its OpenAPI file says messageId)
                String messageId = (String) m.get("Message-ID");
                assertTrue(messageId != null && messageId.matches("<[0-9a-f-]{36}@notification\\.duban>"),
                        "Message-ID <delivery id@notification.duban>: " + messageId);
                assertTrue(messageIds.add(messageId), "Message-ID repeated: " + messageId);
            }
        }
        assertEquals(wanted, bySubject, "one email per department notice " + when);
    }

    private boolean mentionsOurTasks(String subject) {
        // a title's own quotation marks are turned one level down inside the notice's quotes: compared without them
        return subject != null && (own.stream().anyMatch(t -> unquoted(subject).contains(unquoted(t.get("title"))))
                || unquoted(subject).contains(unquoted(other.get("title"))));
    }

    private static String unquoted(Object text) {
        return text.toString().replaceAll("[“”‘’\"]", "");
    }

    /** The office's inbox holds one escalation per dispatched task (own and other department's), or none. */
    private void assertOfficeEscalations(int each) {
        Set<String> ids = allTaskIds();
        List<Map<String, Object>> office = inbox("office1").stream().filter(n -> ids.contains(n.get("taskId")))
                .toList();
        for (String id : ids) {
            long escalations = office.stream().filter(n -> id.equals(n.get("taskId")))
                    .filter(n -> "ESCALATION".equals(n.get("kind"))).count();
            assertEquals(each, escalations, "escalations of task " + id + " in the office's inbox");
        }
        assertTrue(office.stream().allMatch(n -> "ESCALATION".equals(n.get("kind"))),
                "the office gets only escalations of these tasks: " + office);
    }

    private Set<String> allTaskIds() {
        Set<String> ids = own.stream().map(t -> (String) t.get("id")).collect(Collectors.toSet());
        ids.add((String) other.get("id"));
        return ids;
    }

    private static List<Map<String, Object>> inbox(String user) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = as(notification(), user).queryParam("page", page).queryParam("size", 100)
                    .get("/api/inbox").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= body.getLong("total")) {
                return all;
            }
        }
    }

    /** The subscription's dead letters of this test's tasks (every page). */
    private List<Map<String, Object>> ownDeadLetters(String subscriptionId) {
        Set<String> ids = allTaskIds();
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = as(notification(), "office1").queryParam("subscriptionId", subscriptionId)
                    .queryParam("page", page).queryParam("size", 100)
                    .get("/api/dead-letters").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            if (items.isEmpty() || all.size() >= body.getLong("total")) {
                return all.stream().filter(d -> ids.contains(d.get("taskId"))).toList();
            }
        }
    }

    private List<Received> own(List<Received> received) {
        Set<String> ids = allTaskIds();
        return received.stream().filter(r -> ids.contains(r.body().getString("taskId"))).toList();
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toOffsetDateTime();
    }

    // ------------------------------------------------------------------ the live webhook receiver

    record Received(String delivery, String timestamp, String signature, String raw, JsonPath body) {
    }

    private static HttpServer liveEndpoint(List<Received> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("X-Duban-Delivery"), h.getFirst("X-Duban-Timestamp"),
                    h.getFirst("X-Duban-Signature"), raw, new JsonPath(raw)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
