package rol.report.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
                List<String> failed = failures(dir.resolve(e.getKey()), e.getValue());
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
        Path dir = Fixtures.corpusDir();
        int total = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : annotations(dir)) {
            total += Annotations.check(PARSER.parse(Files.readAllBytes(dir.resolve(e.getKey()))), e.getValue()).size();
            for (String f : failures(dir.resolve(e.getKey()), e.getValue())) failed.add(e.getKey() + " " + f);
        }
        assertTrue(total >= 12 * 7, "the corpus annotations hold their checks: " + total);
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

    private static List<String> failures(Path file, JsonNode annotation) throws Exception {
        List<String> out = new ArrayList<>();
        for (FieldCheck c : Annotations.check(PARSER.parse(Files.readAllBytes(file)), annotation)) {
            if (!c.passed()) out.add(c.field() + ": expected " + c.expected() + " but read " + c.read());
        }
        return out;
    }
}
