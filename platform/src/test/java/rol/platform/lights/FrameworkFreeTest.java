package rol.platform.lights;

import org.junit.jupiter.api.Test;
import rol.testsupport.PlainJava;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.testsupport.PlainJava.FRAMEWORK_IMPORT;
import static rol.testsupport.PlainJava.SYSTEM_CLOCK;

/**
 * The traffic-light rule and the working calendar are plain Java, so that every service (and any unit test) can
 * apply them: no framework import, and no clock but the day passed in.
 */
class FrameworkFreeTest {

    private final PlainJava sources = PlainJava.sources(Path.of("src/main/java/rol/platform"),
            List.of("lights", "calendar"), 10);

    @Test
    void importNoFramework() {
        assertEquals(List.of(), sources.frameworkImports());
    }

    @Test
    void neverReadTheSystemClock() {
        assertEquals(List.of(), sources.systemClockReads());
    }

    @Test
    void thePatternsCatchWhatTheyShould() {
        assertTrue(FRAMEWORK_IMPORT.matcher("import jakarta.inject.Inject;").find());
        assertTrue(FRAMEWORK_IMPORT.matcher("import io.quarkus.runtime.Startup;").find());
        assertTrue(FRAMEWORK_IMPORT.matcher("import org.hibernate.Session;").find());
        assertTrue(FRAMEWORK_IMPORT.matcher("import static jakarta.ws.rs.core.Response.ok;").find());
        assertTrue(SYSTEM_CLOCK.matcher("LocalDate.now()").find());
        assertTrue(SYSTEM_CLOCK.matcher("Instant . now ( )").find());
        assertTrue(SYSTEM_CLOCK.matcher("System.currentTimeMillis()").find());
    }
}
