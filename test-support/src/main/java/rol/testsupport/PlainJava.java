package rol.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that domain packages stay plain Java (docs/architecture, "Inside a service"): no framework import, and no
 * clock but the one passed in. Each module names its own pure packages.
 */
public final class PlainJava {

    public static final Pattern FRAMEWORK_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(io\\.quarkus|jakarta\\.|javax\\.(persistence|inject|enterprise|ws)|org\\.hibernate"
                    + "|org\\.eclipse\\.microprofile|io\\.smallrye|io\\.vertx|org\\.apache\\.kafka|com\\.fasterxml)",
            Pattern.MULTILINE);
    public static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Clock)\\s*\\.\\s*"
                    + "(now|systemUTC|systemDefaultZone)\\s*\\(|System\\s*\\.\\s*(currentTimeMillis|nanoTime)\\s*\\(");

    private final List<Path> sources;

    private PlainJava(List<Path> sources) {
        this.sources = sources;
    }

    /**
     * The Java sources of {@code packages} under {@code base} (e.g. {@code src/main/java/rol/platform}); fails when
     * fewer than {@code atLeast} are found, so a wrong path cannot pass on nothing.
     */
    public static PlainJava sources(Path base, List<String> packages, int atLeast) {
        List<Path> files = new ArrayList<>();
        for (String p : packages) {
            try (Stream<Path> s = Files.walk(base.resolve(p))) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + base.resolve(p).toAbsolutePath(), e);
            }
        }
        if (files.size() < atLeast) {
            throw new AssertionError("expected at least " + atLeast + " sources under " + base.toAbsolutePath()
                    + " in " + packages + ", found " + files);
        }
        return new PlainJava(files);
    }

    /** Each framework import, as "file: import line"; empty when the packages are plain Java. */
    public List<String> frameworkImports() {
        return offenders(FRAMEWORK_IMPORT);
    }

    /** Each read of the system clock, as "file: expression". */
    public List<String> systemClockReads() {
        return offenders(SYSTEM_CLOCK);
    }

    private List<String> offenders(Pattern pattern) {
        List<String> offenders = new ArrayList<>();
        for (Path f : sources) {
            try {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    offenders.add(f + ": " + m.group().trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return offenders;
    }
}
