package rol.k8s.check;

import rol.platform.event.Topics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the code says a service needs from its deployment: the topics it writes (its outbox appends) and reads, its
 * consumer group, and the settings whose defaults point at the local stack and so must come from the environment.
 */
record CodeFacts(String service, Set<String> produces, Set<String> consumes, String group, Set<String> requiredEnv) {

    /** A value that is only an environment variable, with no default: {@code ${CONSOLE_SESSION_SECRET}}. */
    private static final Pattern ENV_ONLY = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern APPEND = Pattern.compile("outbox\\.append\\(\\s*Topics\\.([A-Z_]+)");
    /** Kafka over TLS with the KafkaUser's SCRAM credentials, and topics left to Strimzi. */
    private static final List<String> KAFKA_ENV = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION", "EVENTS_CREATE_TOPICS");

    static Path root() {
        return Path.of(System.getProperty("rol.root", "..")).toAbsolutePath().normalize();
    }

    /** The deployable services: the modules with an HTTP port of their own. */
    static List<String> services() {
        try (Stream<Path> modules = Files.list(root())) {
            return modules.filter(m -> properties(m.resolve("src/main/resources/application.properties"))
                            .containsKey("quarkus.http.port"))
                    .map(m -> m.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CodeFacts of(String service) {
        Path module = root().resolve(service);
        Properties own = properties(module.resolve("src/main/resources/application.properties"));
        Properties all = new Properties();
        if (read(module.resolve("pom.xml")).contains("<artifactId>platform</artifactId>")) {
            all.putAll(properties(root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties")));
        }
        all.putAll(own);
        Set<String> consumes = new TreeSet<>(Arrays.stream(own.getProperty("events.consumer.topics", "").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList());
        return new CodeFacts(service, produced(module.resolve("src/main/java")), consumes,
                own.getProperty("events.consumer.group"), requiredEnv(all));
    }

    /**
     * A setting whose default names this machine (127.0.0.1, localhost), a login, or the port beside such a host,
     * and a variable a value names without a default: production must set each of them; a service on Kafka also
     * needs the TLS and SCRAM settings.
     */
    static Set<String> requiredEnv(Properties config) {
        Set<String> keys = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            String value = config.getProperty(key);
            if (key.startsWith("%")) {
                continue;
            }
            Matcher envOnly = ENV_ONLY.matcher(value);
            while (envOnly.find()) {
                keys.add(envOnly.group(1));
            }
            boolean local = value.contains("127.0.0.1") || value.contains("localhost");
            if (local || key.endsWith(".username") || key.endsWith(".password")) {
                keys.add(env(key));
            }
            if (local && key.endsWith(".host") && config.containsKey(key.replaceAll("host$", "port"))) {
                keys.add(env(key.replaceAll("host$", "port")));
            }
        }
        if (config.containsKey("kafka.bootstrap.servers")) {
            keys.addAll(KAFKA_ENV);
        }
        return keys;
    }

    /** The environment variable Quarkus maps to a property: upper case, every other character an underscore. */
    static String env(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static Set<String> produced(Path sources) {
        Set<String> topics = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return topics;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = APPEND.matcher(read(file));
                while (m.find()) {
                    topics.add((String) Topics.class.getField(m.group(1)).get(null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("an outbox append names a topic Topics does not have", e);
        }
        return topics;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
