package rol.report.followup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import rol.report.parse.Fixtures;
import rol.report.parse.Problem;

/**
 * Recurrence flags on real consecutive-year problem passages of one issuer other than Licheng, kept in
 * ../shared/corpus-pairs (sources and the hand annotation with its reasons are there, see its README): the problem
 * passages, one problem per line. Plan verdicts need whole texts and are measured by {@link PairsPlanVerdictTest}
 * where a pair has them. Numbers in docs/report-model.md.
 */
class PairsRecurrenceTest {

    @Test
    void recurrenceFlagsMatchTheHandAnnotationOnEveryPair() throws IOException {
        Path root = Fixtures.corpusPairsDir();
        LichengFollowUpTest.Score all = new LichengFollowUpTest.Score();
        List<Path> pairs;
        try (Stream<Path> dirs = Files.list(root)) {
            pairs = dirs.filter(d -> Files.exists(d.resolve("recurrences.txt"))).sorted().toList();
        }
        assertTrue(pairs.size() >= 2, "pairs in " + root);
        for (Path pair : pairs) {
            ReportParts earlier = new ReportParts("earlier", 1, List.of(), problems(pair.resolve("earlier.txt")),
                    List.of());
            ReportParts later = new ReportParts("later", 2, List.of(), problems(pair.resolve("later.txt")),
                    List.of());
            Set<String> found = new HashSet<>();
            for (RecurringProblem r : new FollowUpMatcher().recurringProblems(later, List.of(earlier))) {
                r.earlier().forEach(e -> found.add(number(r.problemId()) + ">" + number(e.problemId())));
            }
            LichengFollowUpTest.Score score = new LichengFollowUpTest.Score();
            score.addSets(found, annotation(pair.resolve("recurrences.txt")));
            all.addSets(found, annotation(pair.resolve("recurrences.txt")));
            System.out.println(pair.getFileName() + " recurrences " + new TreeSet<>(found) + " " + score);
        }
        System.out.println("all pairs " + all);
        assertTrue(all.precision() >= 0.8, "precision " + all);
        assertTrue(all.recall() >= 0.8, "recall " + all);
    }

    /** One problem per line, as split by hand; like the parser, a problem without a heading is titled by its text. */
    private static List<Problem> problems(Path file) throws IOException {
        List<Problem> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) out.add(new Problem("problem-" + (out.size() + 1), line.strip(), line.strip(), null));
        }
        return out;
    }

    private static Set<String> annotation(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            String pair = line.replaceAll("#.*", "").strip();
            if (!pair.isEmpty()) out.add(pair);
        }
        return out;
    }

    private static String number(String problemId) {
        return problemId.substring("problem-".length());
    }
}
