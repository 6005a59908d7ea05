package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The five real reports against their hand annotations, with exactly the matching rules of expected.json's
 * `_about`. Every key of every file is checked; an unknown key fails the test so annotations never go unread.
 */
class FixturesTest {

    private static final ReportParser PARSER = new ReportParser();

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsAnnotation() throws Exception {
        Path dir = Fixtures.reportsDir();
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("_about")) continue;
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(dir.resolve(e.getKey()), e.getValue())));
        }
        return tests.stream();
    }

    @Test
    void allFiveFixturesAreAnnotated() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Fixtures.reportsDir().resolve("expected.json").toFile());
        assertEquals(6, expected.size(), "five annotated reports plus _about");
    }

    private static void check(Path file, JsonNode exp) throws Exception {
        ParsedReport r = PARSER.parse(Files.readAllBytes(file));
        List<String> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "issuer" -> {
                    if (r.issuer() == null || !r.issuer().contains(v.asText())) {
                        errors.add("issuer: expected to contain '" + v.asText() + "' but was '" + r.issuer() + "'");
                    }
                }
                case "docNumber" -> same(errors, key, v.isNull() ? null : v.asText(), r.docNumber());
                case "signatory" -> same(errors, key, v.isNull() ? null : v.asText(), r.signatory());
                case "reportYear" -> same(errors, key, v.isNull() ? null : v.asInt(), r.reportYear());
                case "planYear" -> same(errors, key, v.isNull() ? null : v.asInt(), r.planYear());
                case "issuedOn" -> same(errors, key, v.isNull() ? null : v.asText(),
                        r.issuedOn() == null ? null : r.issuedOn().toString());
                case "script" -> same(errors, key, v.asText(), r.script());
                case "recipients" -> {
                    Set<String> want = new HashSet<>();
                    v.forEach(x -> want.add(x.asText()));
                    same(errors, key, want, new HashSet<>(r.recipients()));
                }
                case "achievementThemes" -> {
                    if (!v.isNull()) same(errors, key, v.asInt(), r.achievements().size());
                }
                case "achievementItems" -> {
                    if (!v.isNull()) {
                        same(errors, key, v.asInt(), r.achievements().stream().mapToInt(t -> t.items().size()).sum());
                    }
                }
                case "problems" -> prefixesInOrder(errors, key, v,
                        r.problems().stream().map(Problem::title).toList());
                case "planThemes" -> prefixesInOrder(errors, key, v,
                        themes(r.plan()).stream().map(PlanItem::title).toList());
                case "planCount" -> {
                    int n = r.planLeaves().size();
                    if (n < v.get(0).asInt() || n > v.get(1).asInt()) {
                        errors.add("planCount: " + n + " leaves, expected " + v + "; leaves: "
                                + r.planLeaves().stream().map(PlanItem::title).toList());
                    }
                }
                case "planTitles" -> prefixesMatched(errors, key, v, r.planLeaves().stream().map(PlanItem::title).toList());
                case "metrics" -> {
                    List<String> got = new ArrayList<>();
                    r.achievements().forEach(t -> {
                        t.metrics().forEach(m -> got.add(m.value() + "|" + m.unit()));
                        t.items().forEach(i -> i.metrics().forEach(m -> got.add(m.value() + "|" + m.unit())));
                    });
                    for (JsonNode m : v) {
                        String want = m.get("value").asText() + "|" + m.get("unit").asText();
                        if (!got.contains(want)) errors.add("metrics: " + want + " not extracted");
                    }
                }
                case "traps" -> {
                    // Prose for humans: what the file does to a naive parser. The other keys test the behaviour.
                    if (!v.isArray() || v.isEmpty()) errors.add("traps: expected a non-empty list of descriptions");
                }
                default -> errors.add("unknown annotation key '" + key + "': FixturesTest must learn to check it");
            }
        }
        if (!errors.isEmpty()) {
            fail(file.getFileName() + ":\n  " + String.join("\n  ", errors));
        }
    }

    private static List<PlanItem> themes(List<PlanItem> items) {
        List<PlanItem> out = new ArrayList<>();
        for (PlanItem i : items) {
            if (!i.leaf()) {
                out.add(i);
                out.addAll(themes(i.children()));
            }
        }
        return out;
    }

    private static void same(List<String> errors, String key, Object want, Object got) {
        if (want == null ? got != null : !want.equals(got)) {
            errors.add(key + ": expected " + want + " but was " + got);
        }
    }

    /** Same number of entries, the i-th title starting with the i-th prefix. */
    private static void prefixesInOrder(List<String> errors, String key, JsonNode want, List<String> titles) {
        if (want.size() != titles.size()) {
            errors.add(key + ": expected " + want.size() + " entries " + want + " but got " + titles.size() + " " + titles);
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!matches(titles.get(i), want.get(i).asText())) {
                errors.add(key + "[" + i + "]: '" + titles.get(i) + "' does not start with '" + want.get(i).asText() + "'");
            }
        }
    }

    /** Every prefix matches its own title, in document order (titles may have more entries). */
    private static void prefixesMatched(List<String> errors, String key, JsonNode want, List<String> titles) {
        int next = 0;
        for (JsonNode w : want) {
            int found = -1;
            for (int i = next; i < titles.size(); i++) {
                if (matches(titles.get(i), w.asText())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                errors.add(key + ": no title (after position " + next + ") starts with '" + w.asText() + "' in " + titles);
            } else {
                next = found + 1;
            }
        }
    }

    /** The `_about` rule: drop white space, markdown markers and a leading enumerator, then compare prefixes. */
    static boolean matches(String title, String prefix) {
        return normalize(title).startsWith(normalize(prefix));
    }

    static String normalize(String s) {
        String t = s.replaceAll("[\\s\u3000*#]+", "");
        return t.replaceFirst("^([一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[)）]|\\d+[.．、])", "");
    }
}
