package rol.e2e;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import rol.testsupport.TestStack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A steady load of writes while parts of the system fail: progress reports by the lead department on its tasks and
 * dispatches of drafts by the office, each with an {@code Idempotency-Key} and retried with the same key until it
 * gets a 2xx, as a careful client would; and a report publish on demand. Every answer is recorded (time, status,
 * problem or not) for {@link FaultLedger}, and every write that got a 2xx with its key.
 */
final class FaultLoad implements AutoCloseable {

    enum Kind { PROGRESS, DISPATCH, PUBLISH }

    /** One HTTP answer; status 0 means none (connection refused or timed out). */
    record Answer(Instant at, Kind kind, int status, boolean problem, boolean retryAfter, String type) {
    }

    /** A write that was answered 2xx: its key, its target (task or report id), after how many attempts. */
    record Done(Kind kind, String key, String target, Instant at, int attempts) {
    }

    /** A write that was refused for good (a 4xx other than 401) or still unanswered when the load stopped. */
    record Failed(Kind kind, String key, String target, int lastStatus) {
    }

    /** The note of a progress report carries its key, so that the database can be asked for it exactly. */
    static String note(String key) {
        return "故障演练 " + key;
    }

    /** How long after {@link #close} a write still in retry may take to get through. */
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 3_000).setParam("http.socket.timeout", 20_000));

    final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    final Queue<Done> done = new ConcurrentLinkedQueue<>();
    final Queue<Failed> failed = new ConcurrentLinkedQueue<>();
    private final TestStack stack;
    private final ExecutorService threads;
    private final Queue<String> drafts;
    private final LocalDate deadline = LocalDate.now().plusDays(120);
    private volatile boolean running = true;
    private volatile Instant stoppedAt;

    /**
     * Starts the load: one thread per list of acknowledged tasks of {@link Tasks#OWN} (progress every {@code pace}),
     * and one thread dispatching the drafts to {@link Tasks#OTHER} (one every {@code dispatchPace}) while there are any.
     */
    FaultLoad(TestStack stack, List<List<String>> progressTasks, Queue<String> drafts, Duration pace,
              Duration dispatchPace) {
        this.stack = stack;
        this.drafts = drafts;
        this.threads = Executors.newFixedThreadPool(progressTasks.size() + 2);
        for (List<String> own : progressTasks) {
            threads.submit(() -> progressLoop(own, pace));
        }
        threads.submit(() -> dispatchLoop(dispatchPace));
    }

    private void progressLoop(List<String> tasks, Duration pace) {
        for (int n = 1; running; n++) {
            String task = tasks.get(n % tasks.size());
            String key = UUID.randomUUID().toString();
            write(Kind.PROGRESS, "judicial1", key, task, stack.taskPort(), "/api/tasks/" + task + "/progress",
                    Map.of("percent", n % 101, "note", note(key)));
            pause(pace);
        }
    }

    private void dispatchLoop(Duration pace) {
        String task;
        while (running && (task = drafts.poll()) != null) {
            write(Kind.DISPATCH, "office1", UUID.randomUUID().toString(), task, stack.taskPort(),
                    "/api/tasks/" + task + "/dispatch", Map.of("leadDepartment", Tasks.OTHER, "coDepartments",
                            List.of(), "deadline", deadline.toString()));
            pause(pace);
        }
    }

    /** Publishes a received report in the background, retried like every other write. */
    void publish(String report) {
        threads.submit(() -> write(Kind.PUBLISH, "office1", UUID.randomUUID().toString(), report,
                stack.reportPort(), "/api/reports/" + report + "/publish", null));
    }

    /**
     * Sends the write until it is answered 2xx: after a 503 or no answer it waits a second (the services say
     * {@code Retry-After: 5}; a shorter wait measures recovery more finely and is safe because the key makes a
     * repeat harmless) and sends the same key again. A publish retried after an unknown outcome may find the report
     * already published (409): then the report's own state tells whether the first attempt took effect.
     */
    private void write(Kind kind, String user, String key, String target, int port, String path, Object body) {
        int attempts = 0;
        int last = 0;
        while (running || Instant.now().isBefore(stoppedAt.plus(DRAIN))) {
            attempts++;
            Response r = send(kind, user, key, port, path, body);
            last = r == null ? 0 : r.statusCode();
            if (last >= 200 && last < 300) {
                done.add(new Done(kind, key, target, Instant.now(), attempts));
                return;
            }
            if (kind == Kind.PUBLISH && last == 409 && attempts > 1 && published(target)) {
                done.add(new Done(kind, key, target, Instant.now(), attempts));
                return;
            }
            if (last >= 400 && last < 500 && last != 401 && last != 408 && last != 429) {
                break;
            }
            pause(Duration.ofSeconds(1));
        }
        failed.add(new Failed(kind, key, target, last));
    }

    private Response send(Kind kind, String user, String key, int port, String path, Object body) {
        try {
            RequestSpecification spec = RestAssured.given().config(TIMEOUTS).baseUri("http://127.0.0.1").port(port)
                    .auth().oauth2(RunningSystem.token(user)).header("Idempotency-Key", key);
            if (body != null) {
                spec = spec.contentType(ContentType.JSON).body(body);
            }
            Response r = spec.post(path);
            boolean problem = String.valueOf(r.contentType()).startsWith("application/problem+json");
            answers.add(new Answer(Instant.now(), kind, r.statusCode(), problem, r.header("Retry-After") != null,
                    problem ? r.path("type") : null));
            return r;
        } catch (Exception e) {
            // refused, reset or timed out: no answer at all (the token fetch included); REST Assured throws the
            // checked ConnectException undeclared, so a narrower catch would let it end the thread
            answers.add(new Answer(Instant.now(), kind, 0, false, false, e.getClass().getSimpleName()));
            return null;
        }
    }

    private boolean published(String report) {
        try {
            Response r = RestAssured.given().config(TIMEOUTS).baseUri("http://127.0.0.1").port(stack.reportPort())
                    .auth().oauth2(RunningSystem.token("office1")).get("/api/reports/" + report);
            return r.statusCode() == 200 && "PUBLISHED".equals(r.path("status"));
        } catch (Exception e) {
            return false;
        }
    }

    /** The first 2xx answer at or after {@code since}, if any yet. */
    Instant firstSuccessAfter(Instant since) {
        return answers.stream().filter(a -> a.status() >= 200 && a.status() < 300 && !a.at().isBefore(since))
                .map(Answer::at).min(Instant::compareTo).orElse(null);
    }

    /** The longest time between {@code from}, the 2xx answers after it and {@code to}: how long writes failed. */
    Duration longestGap(Instant from, Instant to) {
        List<Instant> ok = answersBetween(from, to).stream().filter(a -> a.status() >= 200 && a.status() < 300)
                .map(Answer::at).sorted().toList();
        Duration longest = Duration.ZERO;
        Instant previous = from;
        for (Instant at : ok) {
            Duration gap = Duration.between(previous, at);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
            previous = at;
        }
        return longest;
    }

    List<Answer> answersBetween(Instant from, Instant to) {
        List<Answer> out = new ArrayList<>();
        for (Answer a : answers) {
            if (!a.at().isBefore(from) && !a.at().isAfter(to)) {
                out.add(a);
            }
        }
        return out;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending new writes; the ones in retry get {@link #DRAIN} to get through. */
    @Override
    public void close() throws InterruptedException {
        stoppedAt = Instant.now();
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(DRAIN.toSeconds() + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
