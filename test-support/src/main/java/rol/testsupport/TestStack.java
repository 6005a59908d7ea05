package rol.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real servers for tests, started through the project's own {@code ./stack} script with a directory and ports
 * of their own, so that a running development stack is never touched.
 */
public final class TestStack {

    /**
     * Shifts every test port (and the directory) so that several checkouts can run their tests at once on one
     * machine: environment variable {@code ROL_TEST_PORT_OFFSET}, e.g. 20.
     */
    private static final int OFFSET = Integer.parseInt(System.getenv().getOrDefault("ROL_TEST_PORT_OFFSET", "0"));
    private static final String SUFFIX = OFFSET == 0 ? "" : "-" + OFFSET;

    // Every port stays below Linux's ephemeral range (32768–60999): a listener there can lose its port to an
    // outgoing connection that happened to be given it, which once failed a Kafka start here.

    /** Servers for module tests: PostgreSQL and Kafka only. */
    public static final TestStack MODULE =
            new TestStack("test" + SUFFIX, 25442 + OFFSET, 29192 + OFFSET, 28380 + OFFSET, 18091 + OFFSET);
    /** The whole system for end-to-end tests; its ports lie well apart from the module tests', so offsets below 400 never collide. */
    public static final TestStack E2E =
            new TestStack("e2e" + SUFFIX, 26452 + OFFSET, 27292 + OFFSET, 28880 + OFFSET, 18581 + OFFSET);

    /** How far each further instance of a service moves its port (see {@link #instancePort}). */
    public static final int INSTANCE_PORT_STEP = 10;

    private final String name;
    private final int pgPort;
    private final int kafkaPort;
    private final int keycloakPort;
    private final int firstServicePort;

    private TestStack(String name, int pgPort, int kafkaPort, int keycloakPort, int firstServicePort) {
        this.name = name;
        this.pgPort = pgPort;
        this.kafkaPort = kafkaPort;
        this.keycloakPort = keycloakPort;
        this.firstServicePort = firstServicePort;
    }

    public static Path root() {
        String configured = System.getProperty("rol.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("stack")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (the folder with ./stack) above " + dir);
    }

    public void up(String... components) {
        run("up", components);
    }

    /** Starts the components on wiped data: no state from an earlier run leaks into the tests. */
    public void upFresh(String... components) {
        List<String> args = new ArrayList<>(List.of("--fresh"));
        args.addAll(List.of(components));
        run("up", args.toArray(String[]::new));
    }

    public void down(String... components) {
        run("down", components);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The realm's issuer, spelled exactly as Keycloak puts it into tokens. */
    public String issuer() {
        return "http://localhost:" + keycloakPort + "/realms/rule-of-law";
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public int reportPort() {
        return firstServicePort;
    }

    public int taskPort() {
        return firstServicePort + 1;
    }

    public int notificationPort() {
        return firstServicePort + 2;
    }

    /**
     * The port of instance {@code n} of the service on {@code port} (one of the ports above): {@code ./stack up
     * task-service@2} moves it by {@link #INSTANCE_PORT_STEP} per instance.
     */
    public int instancePort(int port, int n) {
        return port + (n - 1) * INSTANCE_PORT_STEP;
    }

    /**
     * Kills a component started by {@code ./stack} the hard way (SIGKILL, as a crash or an OOM kill would), and waits
     * until it is gone; its pid file stays behind, as after a real crash, and {@code ./stack down} clears it.
     */
    public void kill(String component) {
        Path pidFile = stackDir().resolve("run").resolve(component + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot kill " + component, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + component, e);
        }
    }

    /**
     * Sends a signal to a component's whole process group (a launcher script and the JVM it started), e.g. {@code STOP}
     * to freeze it as a hung host would and {@code CONT} to let it go on; nothing is restarted.
     */
    public void signal(String component, String signal) {
        Path pidFile = stackDir().resolve("run").resolve(component + ".pid");
        try {
            String pid = Files.readString(pidFile).strip();
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " of " + component + " (group " + pid + ") failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + component, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + component, e);
        }
    }

    /** The web console, one below the services (18580 for the end-to-end stack). */
    public int consolePort() {
        return firstServicePort - 1;
    }

    public Path stackDir() {
        return root().resolve(".stack").resolve(name);
    }

    public Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("STACK_DIR", stackDir().toString()),
                Map.entry("STACK_PG_PORT", String.valueOf(pgPort)),
                Map.entry("STACK_KAFKA_PORT", String.valueOf(kafkaPort)),
                Map.entry("STACK_KEYCLOAK_PORT", String.valueOf(keycloakPort)),
                Map.entry("STACK_REPORT_PORT", String.valueOf(reportPort())),
                Map.entry("STACK_TASK_PORT", String.valueOf(taskPort())),
                Map.entry("STACK_NOTIFICATION_PORT", String.valueOf(notificationPort())),
                // a stack's notification-service mails to its own SMTP ports, never to a development stack's
                Map.entry("STACK_CONSOLE_PORT", String.valueOf(consolePort())),
                Map.entry("STACK_SMTP_PORT", String.valueOf(firstServicePort + 5)),
                Map.entry("STACK_SMTP_IMAP_PORT", String.valueOf(firstServicePort + 6)),
                Map.entry("STACK_SMTP_API_PORT", String.valueOf(firstServicePort + 7)),
                Map.entry("STACK_INSTANCE_PORT_STEP", String.valueOf(INSTANCE_PORT_STEP)));
    }

    private void run(String command, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve("stack").toString());
        cmd.add(command);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile()).inheritIO();
        pb.environment().putAll(environment());
        try {
            Process process = pb.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./stack " + String.join(" ", cmd.subList(1, cmd.size())) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./stack " + String.join(" ", cmd.subList(1, cmd.size()))
                        + " failed (exit " + process.exitValue() + "); logs in " + stackDir().resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./stack", e);
        }
    }
}
