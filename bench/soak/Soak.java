import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak of the running stack (docs/reliability.md, "Soak"): mixed load for a long time, and every 10 s the resident
 * memory and the heap after the last GC of each service. Load: progress reports at a constant rate (latency from the
 * moment each was due), users opening task lists with filters, rollups and the inbox (0 to 2 s thinking between
 * screens), a ledger export every 30 s and a report upload and publish every minute. Writes memory.tsv (per sample)
 * and latency.tsv (per minute) for charts.gp, and prints per service whether memory stayed flat.
 * The heap is read from each JVM's own counters (hsperfdata, what jstat reads) so that sampling costs no JVM start.
 * Plain Java 17, no dependencies; bench/soak/run compiles it with Memory.java and Stats.java.
 */
public class Soak {

    static final List<String> KINDS = List.of("progress", "list", "rollup", "inbox", "export", "upload");

    record Sample(String kind, long at, long nanos, String error) {
    }

    record Service(String name, long pid) {
    }

    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static volatile long origin;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("java Soak.java --task URL --notification URL --report URL --keycloak URL --tasks csv "
                    + "--fixtures dir --services name=pid,... [--minutes 30] [--warmup 60] [--rate 30] [--users 6] "
                    + "[--out dir]");
            return;
        }
        String task = o.get("task");
        String notification = o.get("notification");
        String report = o.get("report");
        Path out = Path.of(o.getOrDefault("out", "."));
        long minutes = Long.parseLong(o.getOrDefault("minutes", "30"));
        long warmup = Math.max(20, Long.parseLong(o.getOrDefault("warmup", "60"))) * 1_000_000_000L;
        double rate = Double.parseDouble(o.getOrDefault("rate", "30"));
        int users = Integer.parseInt(o.getOrDefault("users", "6"));
        List<Service> services = new ArrayList<>();
        for (String s : o.get("services").split(",")) {
            services.add(new Service(s.split("=")[0], Long.parseLong(s.split("=")[1])));
        }
        List<String[]> tasks = Files.readAllLines(Path.of(o.get("tasks"))).stream()
                .map(l -> l.split(",")).filter(f -> f.length == 2).toList();
        List<Path> fixtures;
        try (var files = Files.list(Path.of(o.get("fixtures")))) {
            fixtures = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Tokens tokens = new Tokens(o.get("keycloak"),
                List.of("office1", "leader1", "judicial1", "market1", "street1"));

        long start = System.nanoTime();
        long end = start + warmup + minutes * 60_000_000_000L;
        origin = start + warmup;
        List<Thread> load = new ArrayList<>();
        load.add(started(() -> progress(task, tokens, tasks, rate, end)));
        String[] accounts = {"office1", "leader1", "judicial1", "market1", "street1", "office1"};
        for (int u = 0; u < users; u++) {
            String account = accounts[u % accounts.length];
            SplittableRandom random = new SplittableRandom(u);
            load.add(started(() -> reads(task, notification, tokens, account, random, end)));
        }
        load.add(started(() -> every(30, end, n -> exportLedger(task, tokens, n))));
        load.add(started(() -> {
            // every fixture once in the warm-up: the first report with an earlier one of its issuer loads HanLP's
            // dictionary (about 24 MB, once), which would otherwise look like growth in the measured heap
            for (int n = 0; n < fixtures.size(); n++) {
                upload(report, tokens, fixtures, n);
            }
            every(60, end, n -> upload(report, tokens, fixtures, n));
        }));

        // the full GCs that measure the live heap at the start fall in the warm-up, not in the first minute
        LockSupport.parkNanos(origin - 15_000_000_000L - System.nanoTime());
        System.out.println("a full GC in each service gives the live heap at the start");
        Map<String, Double> liveAtStart = liveHeap(services);
        LockSupport.parkNanos(origin - System.nanoTime());
        System.out.println("warm-up over");
        Memory memory = new Memory(services, out.resolve("memory.tsv"));
        long next = System.nanoTime();
        while (next < end) {
            memory.sample((System.nanoTime() - origin) / 60e9);
            long window = System.nanoTime() - origin - 10_000_000_000L;
            System.out.printf(Locale.ROOT, "%5.1f min  %s  | last 10 s: %s%n", (System.nanoTime() - origin) / 60e9,
                    memory.last(), Stats.of(SAMPLES.stream().filter(s -> s.at() >= window).toList()));
            next += 10_000_000_000L;
            LockSupport.parkNanos(next - System.nanoTime());
        }
        for (Thread t : load) {
            t.join();
        }
        Map<String, Double> liveAtEnd = liveHeap(services);
        List<Sample> measured = SAMPLES.stream().filter(s -> s.at() >= 0).toList();
        Files.writeString(out.resolve("latency.tsv"), Stats.perMinute(measured, minutes));
        String summary = memory.verdict(liveAtStart, liveAtEnd) + Stats.table(measured, minutes);
        Files.writeString(out.resolve("result.md"), summary);
        System.out.print(summary);
        System.exit(0);
    }

    /** Progress reports at a constant rate; each latency counts from when the request was due. */
    static void progress(String base, Tokens tokens, List<String[]> tasks, double rate, long end) {
        Map<String, String> userOf = Map.of("judicial-bureau", "judicial1", "market-regulation", "market1",
                "kaiyuan-subdistrict", "street1");
        SplittableRandom random = new SplittableRandom(42);
        long due = System.nanoTime();
        for (int k = 0; due < end; k++, due += (long) (1e9 / rate)) {
            LockSupport.parkNanos(due - System.nanoTime());
            String[] t = tasks.get(random.nextInt(tasks.size()));
            int percent = 1 + random.nextInt(100);
            String body = "{\"percent\":" + percent + ",\"note\":\"浸泡测试进度反馈 " + k + "：已完成案卷抽查 " + percent
                    + " 件\",\"metrics\":[{\"label\":\"抽查案卷\",\"value\":" + percent + ",\"unit\":\"件\"}]}";
            long at = due;
            HTTP.sendAsync(request(base + "/api/tasks/" + t[0] + "/progress", tokens.of(userOf.getOrDefault(t[1],
                                    "office1")))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> record("progress", at, e != null ? e.toString() : status(r)));
        }
    }

    /** One user: a screen's reads, then 0 to 2 s of thinking. A department's lists hold only its own tasks. */
    static void reads(String task, String notification, Tokens tokens, String account, SplittableRandom random,
                      long end) {
        String[] lists = {"", "&state=IN_PROGRESS", "&light=RED", "&overdue=true", "&sort=-deadline&page=3",
                "&q=" + URLEncoder.encode("浸泡测试", StandardCharsets.UTF_8), "&department=judicial-bureau"};
        while (System.nanoTime() < end) {
            switch (random.nextInt(4)) {
                case 0, 1 -> get("list", task + "/api/tasks?size=20" + lists[random.nextInt(lists.length)],
                        tokens.of(account));
                case 2 -> {
                    get("rollup", notification + "/api/rollups?scope=department", tokens.of(account));
                    if (account.startsWith("office") || account.startsWith("leader")) { // 通报 is not for departments
                        get("rollup", notification + "/api/rankings", tokens.of(account));
                    }
                }
                default -> {
                    get("inbox", notification + "/api/inbox?size=20", tokens.of(account));
                    get("inbox", notification + "/api/inbox/unread-count", tokens.of(account));
                }
            }
            LockSupport.parkNanos(random.nextLong(2_000_000_001L));
        }
    }

    /** The office's red list for a meeting (xlsx) and a department's ledger (csv), in turn. */
    static void exportLedger(String task, Tokens tokens, int n) {
        if (n % 2 == 0) {
            get("export", task + "/api/ledger?format=xlsx&light=RED", tokens.of("office1"));
        } else {
            get("export", task + "/api/ledger?format=csv&state=IN_PROGRESS", tokens.of("street1"));
        }
    }

    /** A fixture report made new by an ASCII line (the service keeps one report per text), uploaded and published. */
    static void upload(String report, Tokens tokens, List<Path> fixtures, int n) {
        long at = System.nanoTime();
        String error;
        try {
            Path file = fixtures.get(n % fixtures.size());
            byte[] text = (Files.readString(file) + "\n\nsoak " + at + "\n").getBytes(StandardCharsets.UTF_8);
            String boundary = "soak" + at;
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer body = ByteBuffer.allocate(head.length + text.length + tail.length).put(head).put(text).put(tail);
            HttpResponse<String> created = HTTP.send(request(report + "/api/reports", tokens.of("office1"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.array())).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
            error = status(created);
            if (error == null && id.find()) {
                error = status(HTTP.send(request(report + "/api/reports/" + id.group(1) + "/publish",
                        tokens.of("office1")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
        } catch (IOException | InterruptedException e) {
            error = e.toString();
        }
        record("upload", at, error);
    }

    static void get(String kind, String url, String token) {
        long at = System.nanoTime();
        try {
            record(kind, at, status(HTTP.send(request(url, token).GET().build(),
                    HttpResponse.BodyHandlers.discarding())));
        } catch (IOException | InterruptedException e) {
            record(kind, at, e.toString());
        }
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    static String status(HttpResponse<?> r) {
        return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode() + " " + r.uri().getPath();
    }

    static void record(String kind, long at, String error) {
        long now = System.nanoTime();
        SAMPLES.add(new Sample(kind, at - origin, now - at, error));
        if (error != null && ERRORS_SHOWN.getAndIncrement() < 20) {
            System.out.println("error (" + kind + "): " + error);
        }
    }

    static final AtomicInteger ERRORS_SHOWN = new AtomicInteger();

    interface Step {
        void run(int n);
    }

    static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    static void every(int seconds, long end, Step step) {
        long next = System.nanoTime();
        for (int n = 0; next < end; n++, next += seconds * 1_000_000_000L) {
            LockSupport.parkNanos(next - System.nanoTime());
            step.run(n);
        }
    }

    /** The heap in use right after a full GC (jcmd GC.run), per service, in MB: what the service really keeps. */
    static Map<String, Double> liveHeap(List<Service> services) throws IOException, InterruptedException {
        Map<String, Double> live = new LinkedHashMap<>();
        for (Service s : services) {
            new ProcessBuilder("jcmd", Long.toString(s.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            live.put(s.name(), Memory.heapAfterGc(s.pid()) / 1e6);
        }
        return live;
    }

    /** Password-grant tokens of the demo users (client rol-cli), renewed a minute before they expire. */
    static final class Tokens {
        private static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern EXPIRES = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
        private final String endpoint;
        private final Map<String, String[]> tokens = new TreeMap<>();

        Tokens(String keycloak, List<String> users) throws IOException, InterruptedException {
            endpoint = keycloak + "/realms/rule-of-law/protocol/openid-connect/token";
            for (String u : users) {
                fetch(u);
            }
        }

        synchronized String of(String user) {
            if (System.nanoTime() > Long.parseLong(tokens.get(user)[1])) {
                try {
                    fetch(user);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("renewing the token of " + user + " failed", e);
                }
            }
            return tokens.get(user)[0];
        }

        private void fetch(String user) throws IOException, InterruptedException {
            String form = "client_id=rol-cli&grant_type=password&username=" + user + "&password=" + user;
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
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
