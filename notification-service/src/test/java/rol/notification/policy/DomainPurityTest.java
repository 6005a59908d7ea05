package rol.notification.policy;

import org.junit.jupiter.api.Test;
import rol.testsupport.PlainJava;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reminder and rollup rules are plain Java: no framework import, and no clock but the one passed in. Delivery
 * and persistence live outside these packages; the traffic-light rule and the calendar live in platform, which checks
 * them the same way.
 */
class DomainPurityTest {

    private final PlainJava sources = PlainJava.sources(Path.of("src/main/java/rol/notification"),
            List.of("policy", "rollup"), 10);

    @Test
    void domainPackagesImportNoFramework() {
        assertEquals(List.of(), sources.frameworkImports());
    }

    @Test
    void domainPackagesNeverReadTheSystemClock() {
        assertEquals(List.of(), sources.systemClockReads());
    }
}
