package rol.report.followup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import rol.report.followup.FollowUpMatcher;
import rol.report.followup.PlanItemFollowUp;
import rol.report.followup.RecurringProblem;
import rol.report.followup.ReportParts;
import rol.report.parse.ReportParser;

/**
 * What publishing a report costs the follow-up: the 15 KB Licheng 2024 report judges the 2023 plan and its problems
 * are checked against three earlier reports (the Licheng 2023 one and, standing in for older years, the Gulou and
 * Huli 2023 ones). Parsing is not counted (it happens at upload). Paths are under ../shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC"})
@Threads(1)
public class FollowUpBenchmark {

    private final FollowUpMatcher matcher = new FollowUpMatcher();
    private ReportParts later;
    private ReportParts earlier;
    private List<ReportParts> earlierYears;

    @Setup
    public void load() throws IOException {
        later = parse("licheng-justice-bureau-2024.txt", "2024");
        earlier = parse("licheng-justice-bureau-2023-traditional.txt", "2023");
        earlierYears = List.of(earlier, parse("gulou-justice-bureau-2023.txt", "2022"),
                parse("huli-justice-bureau-2023.txt", "2021"));
    }

    @Benchmark
    public List<PlanItemFollowUp> planFollowUp() {
        return matcher.planFollowUp(earlier, later);
    }

    @Benchmark
    public List<RecurringProblem> recurringProblemsAgainstThreeYears() {
        return matcher.recurringProblems(later, earlierYears);
    }

    private static ReportParts parse(String file, String id) throws IOException {
        byte[] bytes = Files.readAllBytes(sharedDir().resolve("fixtures/reports").resolve(file));
        return ReportParts.of(id, new ReportParser().parse(bytes));
    }

    /** ../shared beside the repository root (the folder holding `stack` and `pom.xml`). */
    static Path sharedDir() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("stack")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolveSibling("shared");
            }
        }
        throw new IllegalStateException("fixtures not found above " + System.getProperty("user.dir"));
    }
}
