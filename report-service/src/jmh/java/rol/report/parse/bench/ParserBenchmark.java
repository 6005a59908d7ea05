package rol.report.parse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import rol.report.parse.ParsedReport;
import rol.report.parse.ReportParser;

/**
 * Whole-pipeline parse (bytes to ParsedReport) of each real fixture and of a 30 KB text saved from a web page (a
 * provincial 政府工作报告 of the development corpus, page chrome included), one thread. Paths are under ../shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC"})
@Threads(1)
public class ParserBenchmark {

    @Param({"fixtures/reports/licheng-justice-bureau-2024.txt", "fixtures/reports/licheng-district-government-2024.txt",
            "fixtures/reports/licheng-justice-bureau-2023-traditional.txt", "fixtures/reports/gulou-justice-bureau-2023.txt",
            "fixtures/reports/huli-justice-bureau-2023.txt", "corpus/02_hebei_2026_gwr.txt"})
    public String file;

    private byte[] bytes;
    private final ReportParser parser = new ReportParser();

    @Setup
    public void load() throws IOException {
        bytes = Files.readAllBytes(sharedDir().resolve(file));
    }

    @Benchmark
    public ParsedReport parse() {
        return parser.parse(bytes);
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
