package rol.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static rol.e2e.RunningSystem.token;

/**
 * What must be true after faults, checked from outside: the services' APIs, read-only SQL on their databases and a
 * Kafka consumer on {@code task-events}. Each check adds a row (fault, check, result) to the table it prints;
 * {@link #failures} names the rows that did not pass. Used by {@code FaultsIT} and, through it, {@code bench/faults/run}.
 */
final class FaultLedger {

    record Row(String fault, String check, boolean pass, String result) {
    }

    /** How long the consumers and relays get to catch up before a difference counts as a fault. */
    static final Duration CATCH_UP = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestStack stack;
    private final List<Row> rows = new ArrayList<>();

    FaultLedger(TestStack stack) {
        this.stack = stack;
    }

    void add(String fault, String check, boolean pass, String result) {
        rows.add(new Row(fault, check, pass, result));
    }

    /** Every answer while the fault lasted was 2xx, 401 or 503 problem+json with Retry-After (or no answer at all). */
    void answers(String fault, List<FaultLoad.Answer> during) {
        Map<String, Integer> counts = new TreeMap<>();
        int bad = 0;
        for (FaultLoad.Answer a : during) {
            String what;
            if (a.status() == 0) {
                what = "none";
            } else if (a.status() >= 200 && a.status() < 300 || a.status() == 401) {
                what = String.valueOf(a.status());
            } else if (a.status() == 503 && a.problem() && a.retryAfter()) {
                what = "503 " + a.type().replaceAll(".*/", "");
            } else {
                what = a.status() + " (not allowed)";
                bad++;
            }
            counts.merge(what, 1, Integer::sum);
        }
        add(fault, "answers: 2xx, 401 or 503 problem+json, never 500", bad == 0 && !during.isEmpty(),
                during.size() + " " + counts);
    }

    /**
     * Seconds from the fault being lifted until what {@code until} waits for is true, waiting at most
     * {@link #CATCH_UP} from now; a failed row when never.
     */
    Duration recovery(String fault, String what, Instant lifted, Callable<Boolean> until) {
        Instant end = Instant.now().plus(CATCH_UP);
        while (Instant.now().isBefore(end)) {
            try {
                if (until.call()) {
                    Duration d = Duration.between(lifted, Instant.now());
                    add(fault, "recovered: " + what, true, String.format("%.1f s", d.toMillis() / 1000.0));
                    return d;
                }
            } catch (Exception e) {
                // not yet: the part is still coming back
            }
            sleep(250);
        }
        add(fault, "recovered: " + what, false, "not within " + CATCH_UP.toSeconds() + " s");
        return null;
    }

    /** No outbox row of any service is left unsent. */
    boolean outboxesDrained() throws SQLException {
        for (String db : List.of("report", "task", "notification")) {
            if (count(db, "select count(*) from outbox_event where sent_at is null") > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every write answered 2xx took effect exactly once: one progress row per key (its note carries the key), one
     * dispatch in the task's history per dispatched task, one {@code report.published.v1} per published report. A
     * write never answered 2xx took effect at most once.
     */
    void exactlyOnce(FaultLoad load) throws SQLException {
        Map<String, Long> rowsPerKey = new HashMap<>();
        try (Connection c = Wire.connect(stack, "task"); PreparedStatement q = c.prepareStatement(
                "select note, count(*) from progress_report where note like '故障演练 %' group by note");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rowsPerKey.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<FaultLoad.Done> progress = load.done.stream().filter(d -> d.kind() == FaultLoad.Kind.PROGRESS).toList();
        List<String> wrong = new ArrayList<>();
        for (FaultLoad.Done d : progress) {
            long n = rowsPerKey.getOrDefault(FaultLoad.note(d.key()), 0L);
            if (n != 1) {
                wrong.add(d.key() + "=" + n);
            }
        }
        long retried = progress.stream().filter(d -> d.attempts() > 1).count();
        Set<String> known = load.done.stream().map(d -> FaultLoad.note(d.key())).collect(Collectors.toSet());
        load.failed.forEach(f -> known.add(FaultLoad.note(f.key())));
        for (FaultLoad.Failed f : load.failed) {
            if (rowsPerKey.getOrDefault(FaultLoad.note(f.key()), 0L) > 1) {
                wrong.add(f.key() + " (never 2xx)=" + rowsPerKey.get(FaultLoad.note(f.key())));
            }
        }
        rowsPerKey.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> wrong.add(k + " (nobody sent it)"));
        add("all", "progress: one row per 2xx key", wrong.isEmpty() && !progress.isEmpty(),
                progress.size() + " keys (" + retried + " retried), " + load.failed.size() + " never 2xx"
                        + (wrong.isEmpty() ? "" : ", wrong: " + wrong));

        List<String> dispatched = targets(load, FaultLoad.Kind.DISPATCH);
        Map<String, Long> dispatches = new HashMap<>();
        try (Connection c = Wire.connect(stack, "task"); PreparedStatement q = c.prepareStatement(
                "select task_id::text, count(*) from task_history where action = 'DISPATCH'"
                        + " and task_id = any (?::uuid[]) group by task_id")) {
            q.setArray(1, c.createArrayOf("text", dispatched.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    dispatches.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        List<String> twice = dispatched.stream().filter(t -> dispatches.getOrDefault(t, 0L) != 1).toList();
        add("all", "dispatch: one history entry per 2xx", twice.isEmpty() && !dispatched.isEmpty(),
                dispatched.size() + " dispatched" + (twice.isEmpty() ? "" : ", wrong: " + twice));

        for (String report : targets(load, FaultLoad.Kind.PUBLISH)) {
            long events = count("report", "select count(*) from outbox_event"
                    + " where event_type = 'report.published.v1' and event_key = ?", report);
            add("all", "publish: one report.published.v1", events == 1, events + " event(s) for report " + report);
        }
    }

    static List<String> targets(FaultLoad load, FaultLoad.Kind kind) {
        return load.done.stream().filter(d -> d.kind() == kind).map(FaultLoad.Done::target).distinct().toList();
    }

    /**
     * On {@code task-events}, each task's versions are consecutive from its {@code task.created.v1} to the version
     * task-service holds now: no gap, and never two different events for one version (a redelivered copy of the same
     * event is allowed: consumers drop it by id). Each progress key appears in exactly one event.
     */
    void versions(Collection<String> tasks) {
        Set<String> wanted = new TreeSet<>(tasks);
        Map<String, Map<Long, Set<String>>> eventsPerVersion = new TreeMap<>();
        Map<String, String> created = new HashMap<>();
        Map<String, Set<String>> eventsPerNote = new HashMap<>();
        int copies = 0;
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> r : Wire.records(stack, "task-events")) {
            if (!wanted.contains(r.key())) {
                continue;
            }
            JsonNode e = parse(r.value());
            String id = e.path("id").asText();
            if (!seen.add(id)) {
                copies++;
                continue;
            }
            long version = e.path("data").path("task").path("version").asLong(-1);
            eventsPerVersion.computeIfAbsent(r.key(), k -> new TreeMap<>())
                    .computeIfAbsent(version, v -> new TreeSet<>()).add(id);
            if (e.path("type").asText().equals("task.created.v1")) {
                created.put(r.key(), String.valueOf(version));
            }
            String note = e.path("data").path("progress").path("note").asText(null);
            if (note != null) {
                eventsPerNote.computeIfAbsent(note, k -> new TreeSet<>()).add(id);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String task : wanted) {
            Map<Long, Set<String>> versions = eventsPerVersion.getOrDefault(task, Map.of());
            long current = RestAssured.given().baseUri("http://127.0.0.1").port(stack.taskPort())
                    .auth().oauth2(token("office1")).get("/api/tasks/" + task).then().statusCode(200).extract()
                    .jsonPath().getLong("version");
            List<Long> seenVersions = List.copyOf(versions.keySet());
            boolean consecutive = !seenVersions.isEmpty()
                    && seenVersions.get(seenVersions.size() - 1) - seenVersions.get(0) == seenVersions.size() - 1;
            boolean doubled = versions.values().stream().anyMatch(ids -> ids.size() > 1);
            if (!consecutive || doubled || !created.containsKey(task)
                    || !String.valueOf(seenVersions.get(0)).equals(created.get(task))
                    || seenVersions.get(seenVersions.size() - 1) != current) {
                wrong.add(task + " versions " + seenVersions + " (created " + created.get(task) + ", now " + current
                        + (doubled ? ", two events for one version" : "") + ")");
            }
        }
        add("all", "task-events: consecutive versions per task, no doubled event", wrong.isEmpty(),
                wanted.size() + " tasks, " + eventsPerVersion.values().stream().mapToInt(Map::size).sum()
                        + " events, " + copies + " redelivered copies" + (wrong.isEmpty() ? "" : ", wrong: " + wrong));
        List<String> notes = eventsPerNote.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(Map.Entry::getKey).toList();
        add("all", "task-events: one progress event per key", notes.isEmpty(),
                eventsPerNote.size() + " keys" + (notes.isEmpty() ? "" : ", more than one event: " + notes));
    }

    /**
     * notification-service's read model equals task-service: per task its {@code task_view} row (state, percent,
     * version), and per work plan the rollup its API answers (tasks, tasks by state). Waited for up to
     * {@link #CATCH_UP}, since the consumer may still be applying what the relay sent last.
     */
    void readModel(Collection<String> tasks) {
        List<String> diff = new ArrayList<>();
        Instant end = Instant.now().plus(CATCH_UP);
        do {
            diff = readModelDifferences(tasks);
            if (diff.isEmpty()) {
                break;
            }
            sleep(1000);
        } while (Instant.now().isBefore(end));
        add("all", "notification read model = task-service (task_view, rollups API)", diff.isEmpty(),
                tasks.size() + " tasks" + (diff.isEmpty() ? "" : ", differ: " + diff));
    }

    private List<String> readModelDifferences(Collection<String> tasks) {
        List<String> diff = new ArrayList<>();
        Map<String, String> view = new HashMap<>();
        try (Connection c = Wire.connect(stack, "notification"); PreparedStatement q = c.prepareStatement(
                "select task_id::text, state, percent, task_version from task_view where task_id = any (?::uuid[])")) {
            q.setArray(1, c.createArrayOf("text", tasks.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    view.put(rs.getString(1), rs.getString(2) + " " + rs.getInt(3) + "% v" + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            return List.of("task_view unreadable: " + e.getMessage());
        }
        Map<String, Map<String, Long>> statesPerPlan = new TreeMap<>();
        for (String task : tasks) {
            JsonPath t = RestAssured.given().baseUri("http://127.0.0.1").port(stack.taskPort())
                    .auth().oauth2(token("office1")).get("/api/tasks/" + task).then().statusCode(200).extract()
                    .jsonPath();
            String truth = t.getString("state") + " " + t.getInt("percent") + "% v" + t.getLong("version");
            if (!truth.equals(view.get(task))) {
                diff.add(task + ": " + truth + " vs " + view.get(task));
            }
            statesPerPlan.computeIfAbsent(t.getString("workPlanId"), p -> new TreeMap<>())
                    .merge(t.getString("state"), 1L, Long::sum);
        }
        for (String plan : statesPerPlan.keySet()) {
            JsonPath r = RestAssured.given().baseUri("http://127.0.0.1").port(stack.notificationPort())
                    .auth().oauth2(token("office1")).queryParam("scope", "plan").queryParam("id", plan)
                    .get("/api/rollups").then().statusCode(200).extract().jsonPath();
            Map<String, Object> rolled = r.getMap("items[0].byState");
            Map<String, Long> states = new TreeMap<>();
            if (rolled != null) {
                rolled.forEach((k, v) -> states.put(k, ((Number) v).longValue()));
            }
            // the plan's tasks the load never touched are drafts in both: the other states must match exactly
            Map<String, Long> truth = new TreeMap<>(statesPerPlan.get(plan));
            truth.remove("DRAFT");
            states.remove("DRAFT");
            if (!truth.equals(states)) {
                diff.add("plan " + plan + ": task-service " + truth + " vs rollup " + states);
            }
        }
        return diff;
    }

    /** A count read from one service's database, the parameters bound in order. */
    long count(String db, String sql, String... params) throws SQLException {
        try (Connection c = Wire.connect(stack, db); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Row> failures() {
        return rows.stream().filter(r -> !r.pass()).toList();
    }

    /** The ledger as a Markdown table, as docs/reliability.md shows one run. */
    String table() {
        StringBuilder out = new StringBuilder("| fault | check | result |\n|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.fault()).append(" | ").append(r.check()).append(" | ")
                    .append(r.pass() ? "pass" : "**FAIL**").append(": ").append(r.result()).append(" |\n");
        }
        return out.toString();
    }
}
