package rol.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Callable;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.task;

/**
 * Faults under a steady load, with a ledger of what must be true (issue 20). While progress reports and dispatches
 * keep coming (each with an {@code Idempotency-Key}, retried with the same key), and one report is published, in
 * turn: Kafka is killed (SIGKILL) and restarted; task-service, report-service (a publish waiting on it) and
 * notification-service are killed and restarted;
 * PostgreSQL's postmaster is killed and restarted through {@code ./stack}; Keycloak is frozen (SIGSTOP) and let go.
 * Afterwards {@link FaultLedger} checks from outside that every 2xx write is stored once, the task events are
 * consecutive per task, notification-service's read model equals task-service, each dispatch's notice reached the
 * department's inbox and its email subscription once ({@link FaultNotices}), no outbox row is left unsent, and
 * no answer during an outage was other than 2xx, 401 or 503 problem+json; it prints the table and this test fails
 * on any row that did not pass.
 *
 * <p>The short form runs here; {@code bench/faults/run} runs the long form through system properties
 * {@code faults.outage} (seconds a fault lasts, default 20), {@code faults.threads} (progress threads, default 3),
 * {@code faults.pace-ms} (pause between one thread's writes, default 400) and {@code faults.reports} (reports whose
 * tasks the load works on, default 9: their drafts last the short form at one dispatch per
 * {@code faults.dispatch-ms}, default 8000).
 */
@ExtendWith(RunningSystem.class)
class FaultsIT {

    private static final TestStack STACK = RunningSystem.STACK;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("faults.outage", 20));
    /** How long a killed service stays down before it is started again (its start then takes longer). */
    private static final Duration RESTART = Duration.ofSeconds(3);
    private static final int THREADS = Integer.getInteger("faults.threads", 3);
    private static final Duration PACE = Duration.ofMillis(Long.getLong("faults.pace-ms", 400));
    private static final int REPORTS = Integer.getInteger("faults.reports", 9);
    private static final Duration DISPATCH_PACE = Duration.ofMillis(Long.getLong("faults.dispatch-ms", 8000));
    /** Progress tasks per thread: several, so that one thread's writes to one task are not back to back. */
    private static final int TASKS_PER_THREAD = 2;

    private final FaultLedger ledger = new FaultLedger(STACK);

    @Test
    void everyWriteOnceEveryEventInOrderAndNo500AcrossFaults() throws Exception {
        Instant began = Instant.now();
        Set<String> touched = new TreeSet<>();
        List<List<String>> progressTasks = new ArrayList<>();
        Queue<String> drafts = new ConcurrentLinkedQueue<>();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            reports.add(ReportCorrectionIT.receiveAndPublish());
        }
        for (String report : reports) {
            drafts.addAll(tasksOf(report));
        }
        for (int t = 0; t < THREADS; t++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < TASKS_PER_THREAD; i++) {
                String id = Tasks.dispatch(drafts.remove(), Tasks.OWN);
                as(task(), "office1").post("/api/tasks/" + id + "/acknowledge").then().statusCode(200)
                        .body("state", equalTo("ACKNOWLEDGED"));
                own.add(id);
            }
            progressTasks.add(own);
            touched.addAll(own);
        }
        touched.addAll(drafts);
        String toPublish = ReportCorrectionIT.receive();
        String toPublishUnderKill = ReportCorrectionIT.receive();
        String district = as(task(), "office1").get("/api/tasks/" + drafts.peek()).then().statusCode(200).extract()
                .path("district");
        FaultNotices notices = new FaultNotices(STACK, ledger, district);
        try {
            Instant loadFrom = Instant.now();
            System.out.printf("[faults] set up in %d s: %d progress tasks, %d drafts to dispatch%n",
                    Duration.between(began, loadFrom).toSeconds(), THREADS * TASKS_PER_THREAD, drafts.size());

            FaultLoad load = new FaultLoad(STACK, progressTasks, drafts, PACE, DISPATCH_PACE);
            try {
                sleep(Duration.ofSeconds(8));
                ledger.answers("none (load only)", load.answersBetween(loadFrom, Instant.now()));

                fault(load, "Kafka SIGKILL, restarted", () -> killed("kafka", OUTAGE, () -> load.publish(toPublish)));
                fault(load, "task-service SIGKILL, restarted", () -> killed("task-service", RESTART, () -> { }));
                fault(load, "report-service SIGKILL, restarted",
                        () -> killed("report-service", RESTART, () -> load.publish(toPublishUnderKill)));
                fault(load, "notification-service SIGKILL, restarted",
                        () -> killed("notification-service", RESTART, () -> { }));
                fault(load, "PostgreSQL SIGKILL, restarted", () -> killed("postgres", OUTAGE.dividedBy(2), () -> { }));
                fault(load, "Keycloak SIGSTOP, SIGCONT", () -> {
                    STACK.signal("keycloak", "STOP");
                    try {
                        sleep(OUTAGE);
                    } finally {
                        STACK.signal("keycloak", "CONT");
                    }
                });
            } finally {
                load.close();
            }
            Instant loadTo = Instant.now();

            // the reports published during the Kafka and report-service outages reached task-service: their tasks too
            for (String report : FaultLedger.targets(load, FaultLoad.Kind.PUBLISH)) {
                touched.addAll(tasksOf(report));
            }
            ledger.recovery("all", "no outbox row unsent", loadTo, ledger::outboxesDrained);
            ledger.exactlyOnce(load);
            ledger.versions(touched);
            ledger.readModel(touched);
            notices.check(FaultLedger.targets(load, FaultLoad.Kind.DISPATCH));
            System.out.printf("[faults] %d s in all, the load %d s; %d answers%n%n%s%n",
                    Duration.between(began, Instant.now()).toSeconds(), Duration.between(loadFrom, loadTo).toSeconds(),
                    load.answers.size(), ledger.table());
        } finally {
            notices.close();
        }
        assertEquals(List.of(), ledger.failures(), "the fault ledger:\n" + ledger.table());
    }

    /**
     * Runs one fault under the load: its answers from the moment it starts until writes succeed again (plus a few
     * seconds), the time from the fault being lifted until a write is answered 2xx and until every outbox is sent.
     */
    private void fault(FaultLoad load, String name, Action action) throws Exception {
        Instant from = Instant.now();
        action.run();
        Instant lifted = Instant.now();
        System.out.printf("[faults] %s: lifted after %d s%n", name, Duration.between(from, lifted).toSeconds());
        ledger.recovery(name, "a write answered 2xx", lifted, () -> load.firstSuccessAfter(lifted) != null);
        ledger.recovery(name, "every outbox sent", lifted, ledger::outboxesDrained);
        sleep(Duration.ofSeconds(3));
        Instant to = Instant.now();
        ledger.answers(name, load.answersBetween(from, to));
        ledger.add(name, "longest time without a 2xx write", true,
                String.format("%.1f s", load.longestGap(from, to).toMillis() / 1000.0));
    }

    /** SIGKILL of one component, what the load does meanwhile, then the component down for a while and restarted. */
    private static void killed(String component, Duration down, Action meanwhile) throws Exception {
        STACK.kill(component);
        meanwhile.run();
        sleep(down);
        STACK.up(component);
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static List<String> tasksOf(String report) throws Exception {
        Callable<List<String>> list = () -> as(task(), "office1").queryParam("reportId", report).queryParam("size", 200)
                .get("/api/tasks").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        Instant end = Instant.now().plus(FaultLedger.CATCH_UP);
        List<String> ids = list.call();
        while (ids.size() < ReportCorrectionIT.PLAN_ITEMS && Instant.now().isBefore(end)) {
            sleep(Duration.ofMillis(500));
            ids = list.call();
        }
        assertEquals(ReportCorrectionIT.PLAN_ITEMS, ids.size(), "the tasks of the report published during the faults");
        return ids;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
