package rol.testsupport;

import io.restassured.response.Response;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table of bad requests, each of which must be refused the way every refusal is (a 4xx
 * {@code application/problem+json} with a Chinese title and detail, see {@link ProblemAnswers}), never a 5xx, and
 * must leave every table of the service's database as it was ({@link DatabaseFingerprint}). All cases run; the
 * failures are reported together, with the count and outcome by class printed at the end.
 */
public final class BadInputCorpus {

    /** One bad request: its class (e.g. "truncated body"), a name saying what it sends where, and the sending. */
    public record Case(String kind, String name, Supplier<Answer> send) {
    }

    /** What came back, whichever client sent it. */
    public record Answer(int status, String contentType, String body) {

        public static Answer of(Response r) {
            return new Answer(r.statusCode(), r.contentType(), r.asString());
        }

        public static Answer of(ProblemAnswers.RawAnswer r) {
            return new Answer(r.status(), r.headers().get("content-type"), r.body());
        }
    }

    private final String service;
    private final List<Case> cases = new ArrayList<>();

    public BadInputCorpus(String service) {
        this.service = service;
    }

    public BadInputCorpus add(String kind, String name, Supplier<Response> send) {
        cases.add(new Case(kind, name, () -> Answer.of(send.get())));
        return this;
    }

    public BadInputCorpus addRaw(String kind, String name, Supplier<ProblemAnswers.RawAnswer> send) {
        cases.add(new Case(kind, name, () -> Answer.of(send.get())));
        return this;
    }

    public BadInputCorpus addAll(List<Case> more) {
        cases.addAll(more);
        return this;
    }

    public int size() {
        return cases.size();
    }

    /**
     * Runs every case against the service, checking the database around each; prints the outcome by class and fails
     * naming every case that was not refused cleanly, or when there are fewer than {@code atLeast} cases.
     */
    public void run(DataSource dataSource, Set<String> ignoredTables, int atLeast) {
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, Integer> failedByKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        DatabaseFingerprint before = DatabaseFingerprint.settled(dataSource, ignoredTables, 300, 40);
        for (Case c : cases) {
            String failure;
            int status = -1;
            try {
                Answer answer = c.send().get();
                status = answer.status();
                failure = refusalProblem(answer);
            } catch (RuntimeException | AssertionError e) {
                failure = "the request could not be sent or read: " + e;
            }
            DatabaseFingerprint after = DatabaseFingerprint.of(dataSource, ignoredTables);
            List<String> changed = before.differences(after);
            if (!changed.isEmpty()) {
                failure = (failure == null ? "" : failure + "; ") + "the database changed: " + changed;
                after = DatabaseFingerprint.settled(dataSource, ignoredTables, 300, 40);
            }
            before = after;
            statuses.computeIfAbsent(c.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (failure != null) {
                failedByKind.merge(c.kind(), 1, Integer::sum);
                failures.add("[" + c.kind() + "] " + c.name() + ": " + failure);
            }
        }
        System.out.println(table(statuses, failedByKind));
        assertTrue(cases.size() >= atLeast, service + ": only " + cases.size() + " cases, expected at least " + atLeast);
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " bad inputs were not refused cleanly:\n"
                + String.join("\n", failures));
    }

    /** Null when the answer is a clean refusal, else what is wrong with it. */
    private static String refusalProblem(Answer a) {
        if (a.status() < 400 || a.status() >= 500) {
            return "answered " + a.status() + ": " + abbreviate(a.body());
        }
        try {
            ProblemAnswers.assertProblem(a.status(), a.status(), a.contentType(), a.body());
            return null;
        } catch (AssertionError e) {
            return "not a clean problem: " + abbreviate(e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private String table(Map<String, Map<Integer, Integer>> statuses, Map<String, Integer> failedByKind) {
        StringBuilder out = new StringBuilder("\n=== bad-input corpus of " + service + ": " + cases.size() + " cases ===\n");
        out.append(String.format("%-34s %5s %6s  %s%n", "class", "cases", "failed", "answers"));
        Map<Integer, Integer> total = new TreeMap<>();
        statuses.forEach((kind, byStatus) -> {
            Map<String, Integer> shown = new LinkedHashMap<>();
            byStatus.forEach((s, n) -> {
                shown.put(s < 0 ? "none" : String.valueOf(s), n);
                total.merge(s, n, Integer::sum);
            });
            out.append(String.format("%-34s %5d %6d  %s%n", kind, byStatus.values().stream().mapToInt(i -> i).sum(),
                    failedByKind.getOrDefault(kind, 0), shown));
        });
        out.append(String.format("%-34s %5d %6d  %s%n", "all", cases.size(),
                failedByKind.values().stream().mapToInt(i -> i).sum(), total));
        return out.toString();
    }
}
