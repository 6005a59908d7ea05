package rol.notification.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminder and rollup rules are plain Java: no framework import, and no clock but the one passed in. Delivery
 * and persistence live outside these packages; the traffic-light rule and the calendar live in platform, which checks
 * them the same way.
 */
class DomainPurityTest {

    private static final List<String> PACKAGES = List.of("policy", "rollup");
    private static final Pattern FORBIDDEN_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(io\\.quarkus|jakarta\\.|javax\\.(persistence|inject|enterprise|ws)|org\\.hibernate"
                    + "|org\\.eclipse\\.microprofile|io\\.smallrye|io\\.vertx|org\\.apache\\.kafka|com\\.fasterxml)",
            Pattern.MULTILINE);
    private static final Pattern SYSTEM_TIME = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Clock)\\s*\\.\\s*"
                    + "(now|systemUTC|systemDefaultZone)\\s*\\(|System\\s*\\.\\s*(currentTimeMillis|nanoTime)\\s*\\(");

    private static List<Path> sources() throws IOException {
        Path base = Path.of("src/main/java/rol/notification");
        assertTrue(Files.isDirectory(base), "run from the notification-service module: " + base.toAbsolutePath());
        List<Path> files = new ArrayList<>();
        for (String p : PACKAGES) {
            try (Stream<Path> s = Files.walk(base.resolve(p))) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        assertTrue(files.size() >= 10, "found the domain sources: " + files);
        return files;
    }

    @Test
    void domainPackagesImportNoFramework() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            Matcher m = FORBIDDEN_IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                offenders.add(f + ": " + m.group().trim());
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void domainPackagesNeverReadTheSystemClock() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources()) {
            Matcher m = SYSTEM_TIME.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                offenders.add(f + ": " + m.group());
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void thePatternsCatchWhatTheyShould() {
        assertTrue(FORBIDDEN_IMPORT.matcher("import jakarta.inject.Inject;").find());
        assertTrue(FORBIDDEN_IMPORT.matcher("import io.quarkus.runtime.Startup;").find());
        assertTrue(FORBIDDEN_IMPORT.matcher("import org.hibernate.Session;").find());
        assertTrue(FORBIDDEN_IMPORT.matcher("import static jakarta.ws.rs.core.Response.ok;").find());
        assertTrue(SYSTEM_TIME.matcher("LocalDate.now()").find());
        assertTrue(SYSTEM_TIME.matcher("Instant . now ( )").find());
        assertTrue(SYSTEM_TIME.matcher("System.currentTimeMillis()").find());
    }
}
