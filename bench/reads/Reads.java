import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads the console's screens wait on, by concurrent users (docs/benchmarks.md, "The reads every screen waits
 * on"). Each user signs in as one demo account and, until the time is up, opens a screen: the screen's reads go out
 * at once (a browser loads them in parallel), and the user thinks for a random 0 to 2 s before the next screen.
 * Latency is per read, from sending to the last byte; percentiles are exact. Plain Java 17: java Reads.java --help
 * (Tokens repeats bench/task-progress/Bench.java's: a single-file program cannot share a class with another.)
 */
public class Reads {

    /** One screen: a name and the reads it makes, each {service, path}. */
    record Screen(String name, List<String[]> reads) {
    }

    record Sample(String read, long nanos, int status) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("java Reads.java --task URL --notification URL --keycloak URL [--users 20] "
                    + "[--duration 60] [--warmup 15] [--think-ms 2000] [--q 案卷] [--out file]");
            return;
        }
        Map<String, String> base = Map.of("task", o.getOrDefault("task", "http://127.0.0.1:8082"),
                "notification", o.getOrDefault("notification", "http://127.0.0.1:8083"));
        int users = Integer.parseInt(o.getOrDefault("users", "20"));
        long duration = Long.parseLong(o.getOrDefault("duration", "60")) * 1_000_000_000L;
        // the first seconds warm the generator's and the services' JIT and open the connections: not counted
        long warmup = Long.parseLong(o.getOrDefault("warmup", "15")) * 1_000_000_000L;
        int think = Integer.parseInt(o.getOrDefault("think-ms", "2000"));
        String q = URLEncoder.encode(o.getOrDefault("q", "案卷"), StandardCharsets.UTF_8);
        String rare = URLEncoder.encode("压测任务4242：", StandardCharsets.UTF_8);

        // the office's and the leader's screens read all tasks; a department's only its own
        List<Screen> wide = List.of(
                screen("总览", "notification /api/rollups", "notification /api/rollups?scope=department",
                        "notification /api/rankings", "notification /api/inbox/unread-count"),
                screen("任务列表", "task /api/tasks?size=20", "notification /api/inbox/unread-count"),
                screen("任务列表：办理中", "task /api/tasks?size=20&state=IN_PROGRESS"),
                screen("任务列表：搜索（多数命中）", "task /api/tasks?size=20&q=" + q),
                screen("任务列表：搜索（个别命中）", "task /api/tasks?size=20&q=" + rare),
                screen("任务列表：红灯", "task /api/tasks?size=20&light=RED"),
                screen("任务列表：逾期", "task /api/tasks?size=20&overdue=true"),
                screen("任务列表：按部门", "task /api/tasks?size=20&department=judicial-bureau"),
                screen("任务列表：期限倒序第5页", "task /api/tasks?size=20&sort=-deadline&page=4"),
                screen("消息", "notification /api/inbox?size=20", "notification /api/inbox/unread-count"));
        List<Screen> department = List.of(
                screen("我的任务", "task /api/tasks?size=20", "notification /api/inbox/unread-count"),
                screen("我的任务：办理中", "task /api/tasks?size=20&state=IN_PROGRESS"),
                screen("我的任务：搜索", "task /api/tasks?size=20&q=" + q),
                screen("本单位汇总", "notification /api/rollups?scope=department"),
                screen("消息", "notification /api/inbox?size=20", "notification /api/inbox/unread-count"));
        String[] accounts = {"office1", "office1", "office1", "office1", "leader1", "judicial1", "market1", "street1"};
        List<String> distinct = Arrays.stream(accounts).distinct().toList();
        Tokens tokens = new Tokens(o.getOrDefault("keycloak", "http://localhost:28180"), distinct);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<Sample> samples = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(users);
        long counted = System.nanoTime() + warmup;
        long end = counted + duration;
        for (int u = 0; u < users; u++) {
            String account = accounts[u % accounts.length];
            List<Screen> screens = account.startsWith("office") || account.startsWith("leader") ? wide : department;
            SplittableRandom random = new SplittableRandom(u);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        Screen s = screens.get(random.nextInt(screens.size()));
                        List<Thread> parallel = new ArrayList<>();
                        for (String[] read : s.reads()) {
                            Thread r = new Thread(() -> {
                                boolean counts = System.nanoTime() >= counted;
                                Sample sample = get(http, base.get(read[0]) + read[1], tokens.of(account),
                                        s.name() + " " + read[1].replaceFirst("\\?.*", ""));
                                if (counts) {
                                    samples.add(sample);
                                }
                            });
                            r.start();
                            parallel.add(r);
                        }
                        for (Thread r : parallel) {
                            r.join();
                        }
                        Thread.sleep(random.nextInt(think + 1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();

        Map<String, List<Sample>> byRead = new TreeMap<>();
        samples.forEach(s -> byRead.computeIfAbsent(s.read(), k -> new ArrayList<>()).add(s));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d users, %d s, think 0-%d ms: %d reads%n| read | n | p50 | p99 | max | not 200 |%n|---|---|---|---|---|---|%n",
                users, duration / 1_000_000_000L, think, samples.size()));
        byRead.forEach((read, list) -> out.append(row(read, list)));
        out.append(row("all reads", samples));
        System.out.print(out);
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")), out);
        }
    }

    private static Screen screen(String name, String... reads) {
        return new Screen(name, Arrays.stream(reads).map(r -> r.split(" ", 2)).toList());
    }

    private static Sample get(HttpClient http, String url, String token, String read) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Sample(read, System.nanoTime() - start, r.statusCode());
        } catch (IOException | InterruptedException e) {
            return new Sample(read, System.nanoTime() - start, 0);
        }
    }

    private static String row(String read, List<Sample> list) {
        long[] l = list.stream().mapToLong(Sample::nanos).sorted().toArray();
        long bad = list.stream().filter(s -> s.status() != 200).count();
        return String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %d |%n", read, l.length,
                at(l, 0.50) / 1e6, at(l, 0.99) / 1e6, l[l.length - 1] / 1e6, bad);
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Password-grant tokens of the demo users (client rol-cli), renewed a minute before they expire. */
    static final class Tokens {
        private static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
        private final String endpoint;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, String[]> tokens = new ConcurrentHashMap<>();

        Tokens(String keycloak, List<String> users) throws IOException, InterruptedException {
            endpoint = keycloak + "/realms/rule-of-law/protocol/openid-connect/token";
            for (String u : users) {
                fetch(u);
            }
        }

        synchronized String of(String user) {
            String[] t = tokens.get(user);
            if (System.nanoTime() > Long.parseLong(t[1])) {
                try {
                    fetch(user);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("renewing the token of " + user + " failed", e);
                }
                t = tokens.get(user);
            }
            return t[0];
        }

        private void fetch(String user) throws IOException, InterruptedException {
            String form = "client_id=rol-cli&grant_type=password&username=" + user + "&password=" + user;
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher a = ACCESS.matcher(r.body());
            Matcher e = EXPIRES.matcher(r.body());
            if (r.statusCode() != 200 || !a.find() || !e.find()) {
                throw new IllegalStateException("no token for " + user + ": HTTP " + r.statusCode() + " " + r.body());
            }
            long renewAt = System.nanoTime() + (Long.parseLong(e.group(1)) - 60) * 1_000_000_000L;
            tokens.put(user, new String[]{a.group(1), Long.toString(renewAt)});
        }
    }
}
