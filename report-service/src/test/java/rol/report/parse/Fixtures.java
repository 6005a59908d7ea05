package rol.report.parse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/fixtures/reports next to the repository root (the folder with `stack` and `pom.xml`). */
final class Fixtures {
    private Fixtures() {
    }

    static Path reportsDir() {
        String root = System.getProperty("rol.root");
        Path start = root != null && !root.isBlank() ? Path.of(root) : Path.of(System.getProperty("user.dir"));
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("stack")) && Files.exists(p.resolve("pom.xml"))) {
                Path dir = p.resolveSibling("shared").resolve("fixtures").resolve("reports");
                if (Files.isDirectory(dir)) return dir;
            }
        }
        throw new IllegalStateException("no ../shared/fixtures/reports found above " + start.toAbsolutePath());
    }
}
