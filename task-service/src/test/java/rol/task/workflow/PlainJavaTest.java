package rol.task.workflow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain core stays plain Java: the framework lives at the edges (docs/architecture, "Inside a service"). */
class PlainJavaTest {

    @Test
    void workflowSuggestionAndDirectorySeedImportNoFramework() throws IOException {
        Path main = LifecycleDocTest.repoRoot().resolve("task-service/src/main/java/rol/task");
        List<String> offending;
        int files;
        try (Stream<Path> paths = Stream.of("workflow", "suggestion", "directory").map(main::resolve).flatMap(PlainJavaTest::walk)) {
            List<Path> sources = paths.filter(p -> p.toString().endsWith(".java")).toList();
            files = sources.size();
            offending = sources.stream().flatMap(p -> lines(p).stream()
                            .filter(l -> l.matches("import\\s+(static\\s+)?(io\\.quarkus|jakarta|javax\\.(persistence|inject|ws)|org\\.hibernate|io\\.smallrye|org\\.eclipse\\.microprofile)\\..*"))
                            .map(l -> p.getFileName() + ": " + l))
                    .toList();
        }
        assertTrue(files >= 15, "found the sources (" + files + ")");
        assertEquals(List.of(), offending);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
