package rol.task.workflow;

import org.junit.jupiter.api.Test;
import rol.testsupport.PlainJava;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The domain core stays plain Java: the framework lives at the edges (docs/architecture, "Inside a service"). */
class PlainJavaTest {

    @Test
    void workflowSuggestionDirectorySeedAndLedgerReadingImportNoFramework() {
        PlainJava sources = PlainJava.sources(LifecycleDocTest.repoRoot().resolve("task-service/src/main/java/rol/task"),
                List.of("workflow", "suggestion", "directory", "ledgerimport/reading"), 15);
        assertEquals(List.of(), sources.frameworkImports());
    }
}
