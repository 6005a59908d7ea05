import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where task-service's CPU goes, from a JFR recording of a benchmark (bench/task-progress/profile). Each execution
 * sample goes to the innermost frame that belongs to a known library (Jackson under our code counts as JSON, pgjdbc
 * under Hibernate as the driver); a sample with none goes to our own code or to the JDK. Then the methods of ours
 * that most samples pass through, the threads, and the GC pauses. Plain Java 17: java Profile.java recording.jfr
 */
public class Profile {

    /** A part of the service and the class-name prefixes that belong to it; the first match wins. */
    record Part(String name, List<String> prefixes) {
    }

    static final List<Part> PARTS = List.of(
            new Part("token verification (smallrye-jwt, jose4j, quarkus-oidc)",
                    List.of("io.smallrye.jwt", "org.jose4j", "io.quarkus.oidc", "io.quarkus.smallrye.jwt")),
            new Part("bean validation", List.of("org.hibernate.validator", "jakarta.validation")),
            new Part("Hibernate ORM", List.of("org.hibernate", "io.quarkus.hibernate")),
            new Part("JDBC driver (pgjdbc)", List.of("org.postgresql")),
            new Part("pool and transactions (Agroal, Narayana)", List.of("io.agroal", "com.arjuna", "io.quarkus.narayana")),
            new Part("JSON (Jackson)", List.of("com.fasterxml.jackson")),
            new Part("Kafka client", List.of("org.apache.kafka", "io.smallrye.reactive.messaging")),
            new Part("REST layer (RESTEasy Reactive)", List.of("org.jboss.resteasy", "io.quarkus.resteasy")),
            new Part("HTTP (Vert.x, Netty)", List.of("io.vertx", "io.netty")),
            new Part("logging", List.of("org.jboss.logmanager", "org.jboss.logging")),
            new Part("CDI and interceptors (ArC)", List.of("io.quarkus.arc")),
            new Part("our code (rol.*)", List.of("rol.")));

    /** Classes Quarkus generates around ours (interceptor subclasses, client proxies, REST invokers). */
    static final Pattern GENERATED = Pattern.compile("\\$\\$|_Subclass|_ClientProxy|_Bean\\b|\\$quarkusrestinvoker\\$");

    public static void main(String[] args) throws IOException {
        Map<String, Integer> parts = new HashMap<>();
        Map<String, Integer> jdkTops = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        List<Long> pauses = new ArrayList<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (e.getEventType().getName().equals("jdk.GarbageCollection")) {
                pauses.add(e.getDuration("sumOfPauses").toNanos());
            }
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            String part = null;
            Set<String> passed = new HashSet<>();
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (part == null) {
                    part = PARTS.stream().filter(p -> p.prefixes().stream().anyMatch(type::startsWith))
                            .map(Part::name).findFirst().orElse(null);
                }
                if (type.startsWith("rol.") && !GENERATED.matcher(type).find()) {
                    passed.add(type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName());
                }
            }
            if (part == null) {
                part = "JDK and other";
                RecordedFrame top = frames.get(0);
                jdkTops.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            }
            parts.merge(part, 1, Integer::sum);
            passed.forEach(m -> ours.merge(m, 1, Integer::sum));
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
        }
        long[] p = pauses.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d GC pauses, %.0f ms in all, median %.1f ms, longest %.1f ms%n", p.length,
                Arrays.stream(p).sum() / 1e6, p.length == 0 ? 0 : p[p.length / 2] / 1e6,
                p.length == 0 ? 0 : p[p.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "%d execution samples%n", samples);
        print("| part (innermost known frame) | share of samples |", parts, samples, 20);
        print("| method of ours the samples pass through | share of samples |", ours, samples, 15);
        print("| top frame of the \"JDK and other\" samples | share of samples |", jdkTops, samples, 8);
        print("| thread | share of samples |", threads, samples, 8);
    }

    private static void print(String head, Map<String, Integer> counts, int total, int limit) {
        System.out.println();
        System.out.println(head);
        System.out.println("|---|---|");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(c -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / total));
    }
}
