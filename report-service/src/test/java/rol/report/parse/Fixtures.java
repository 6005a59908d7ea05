package rol.report.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real documents in ../shared next to the repository root (the folder with `stack` and `pom.xml`).
 * They are not in the repository (real report text stays out of it): a clone without ../shared skips the tests
 * that read them, saying so.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path reportsDir() {
        return shared("fixtures/reports");
    }

    public static Path corpusDir() {
        return shared("corpus");
    }

    /** Problem passages of consecutive reports of one issuer, one folder per pair (issue 17). */
    public static Path corpusPairsDir() {
        return shared("corpus-pairs");
    }

    /** ../shared/{@code sub}, or the test is skipped with the reason. */
    static Path shared(String sub) {
        Path dir = find(sub);
        assumeTrue(dir != null, "skipped: ../shared/" + sub + " is absent beside this clone (real reports are kept"
                + " outside the repository; CI has them)");
        return dir;
    }

    private static Path find(String sub) {
        String root = System.getProperty("rol.root");
        Path start = root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.dir"));
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("stack")) && Files.exists(p.resolve("pom.xml"))) {
                Path dir = p.resolveSibling("shared").resolve(sub);
                return Files.isDirectory(dir) ? dir : null;
            }
        }
        return null;
    }
}
