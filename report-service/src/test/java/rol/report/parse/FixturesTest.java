package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import rol.report.parse.eval.Annotations;
import rol.report.parse.eval.FieldCheck;

/**
 * The real documents against their hand annotations, with the matching rules of each expected.json's `_about`
 * (the same checks as bin/eval-reports). Every key of every file is checked; an unknown key fails.
 */
class FixturesTest {

    private static final ReportParser PARSER = new ReportParser();

    /** The five fixtures: every check of every fixture passes. */
    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsAnnotation() throws Exception {
        Path dir = Fixtures.reportsDir();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : annotations(dir)) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                List<String> failed = failures(checks(dir.resolve(e.getKey()), e.getValue()));
                if (!failed.isEmpty()) fail(e.getKey() + ":\n  " + String.join("\n  ", failed));
            }));
        }
        return tests.stream();
    }

    @Test
    void allFiveFixturesAreAnnotated() throws Exception {
        assertEquals(5, annotations(Fixtures.reportsDir()).size());
    }

    /** The development corpus (real 政府工作报告): at least 98% of all its checks pass. */
    @Test
    void theDevelopmentCorpusPassesAtLeast98PercentOfItsChecks() throws Exception {
        atLeast98Percent(Fixtures.corpusDir(), 12 * 7);
    }

    /**
     * Further real reports annotated in either format, in the folder named by ROL_EXTRA_REPORTS (with its
     * expected.json); their text stays out of the repository. docs/report-model.md says where they come from.
     */
    @Test
    void furtherRealReportsNamedByTheEnvironmentPassAtLeast98PercentOfTheirChecks() throws Exception {
        String extra = System.getenv("ROL_EXTRA_REPORTS");
        assumeTrue(extra != null && Files.isRegularFile(Path.of(extra, "expected.json")),
                "skipped: ROL_EXTRA_REPORTS names no folder with an expected.json");
        atLeast98Percent(Path.of(extra), 1);
    }

    private static void atLeast98Percent(Path dir, int minChecks) throws Exception {
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : annotations(dir)) {
            List<FieldCheck> checks = checks(dir.resolve(e.getKey()), e.getValue());
            total += checks.size();
            for (String f : failures(checks)) failed.add(e.getKey() + " " + f);
        }
        assertTrue(total >= minChecks, "the annotations hold their checks: " + total);
        assertTrue((total - failed.size()) * 100 >= total * 98,
                (total - failed.size()) + "/" + total + " checks passed:\n  " + String.join("\n  ", failed));
    }

    private static List<Map.Entry<String, JsonNode>> annotations(Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) out.add(e);
        }
        return out;
    }

    private static List<FieldCheck> checks(Path file, JsonNode annotation) throws Exception {
        return Annotations.check(PARSER.parse(Files.readAllBytes(file)), annotation);
    }

    private static List<String> failures(List<FieldCheck> checks) {
        List<String> out = new ArrayList<>();
        for (FieldCheck c : checks) {
            if (!c.passed()) out.add(c.field() + ": expected " + c.expected() + " but read " + c.read());
        }
        return out;
    }
}
