import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-model load generator for progress reports (POST /api/tasks/{id}/progress): requests leave at a constant
 * rate whatever the answers do, and each latency is measured from the moment its request was due, not from when it
 * was sent, so a stalled server is not hidden by a stalled client (coordinated omission). Percentiles are exact,
 * over every sample. Plain Java 17, no dependencies: java Bench.java --help
 */
public class Bench {

    record Task(String id, String lead) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String base = o.getOrDefault("url", "http://127.0.0.1:8082");
        String keycloak = o.getOrDefault("keycloak", "http://localhost:28180");
        double rate = Double.parseDouble(o.getOrDefault("rate", "200"));
        double duration = seconds(o.getOrDefault("duration", "60s"));
        double warmup = seconds(o.getOrDefault("warmup", "20s"));
        Path tasksFile = Path.of(o.getOrDefault("tasks", "tasks.csv"));

        List<Task> tasks = new ArrayList<>();
        for (String line : Files.readAllLines(tasksFile)) {
            String[] f = line.split(",");
            if (f.length >= 2) {
                tasks.add(new Task(f[0].strip(), f[1].strip()));
            }
        }
        if (tasks.isEmpty()) {
            throw new IllegalStateException("no tasks in " + tasksFile);
        }
        // the demo users: department staff report on the tasks their department leads, the office on all others
        Map<String, String> userOf = Map.of("judicial-bureau", "judicial1", "market-regulation", "market1",
                "kaiyuan-subdistrict", "street1");
        Tokens tokens = new Tokens(keycloak, List.of("office1", "judicial1", "market1", "street1"));

        Connections http = new Connections(base, Integer.parseInt(o.getOrDefault("connections", "128")));
        System.out.printf(Locale.ROOT, "%d tasks; %s, %.0f requests/s, warm-up %.0fs, measured %.0fs%n",
                tasks.size(), base, rate, warmup, duration);
        // the warm-up climbs from a tenth of the rate to the full rate: a cold JVM at full rate at once only measures
        // how long the queue of the first seconds takes to drain
        Phase w = run(http, base, tokens, tasks, userOf, rate / 10, rate, warmup, 1);
        System.out.println("warm-up: " + w.summary());
        DiskProbe disk = o.containsKey("probe-dir") ? DiskProbe.start(Path.of(o.get("probe-dir"))) : null;
        Phase m = run(http, base, tokens, tasks, userOf, rate, rate, duration, 2);
        System.out.println("measured: " + m.summary());
        System.out.println(m.slowestSeconds(8, 50));
        if (disk != null) {
            disk.stop();
            System.out.println(disk.summary());
            System.out.println(m.overDuringDiskStalls(50, disk));
        }
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")), m.summary() + System.lineSeparator());
        }
        System.exit(0);
    }

    /**
     * One phase whose arrival rate goes linearly from {@code fromRate} to {@code rate} (constant when equal); returns
     * when every request sent in it has been answered or failed.
     */
    static Phase run(Connections http, String base, Tokens tokens, List<Task> tasks, Map<String, String> userOf,
                     double fromRate, double rate, double seconds, long seed) throws InterruptedException {
        List<Long> offsets = new ArrayList<>();
        for (double t = 0; t < seconds; t += 1 / (fromRate + (rate - fromRate) * t / seconds)) {
            offsets.add((long) (t * 1e9));
        }
        int n = offsets.size();
        Phase phase = new Phase(offsets, seconds);
        CountDownLatch done = new CountDownLatch(n);
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        phase.startedAt = Instant.now();
        for (int k = 0; k < n; k++) {
            long due = start + offsets.get(k);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Task t = tasks.get(random.nextInt(tasks.size()));
            String user = userOf.getOrDefault(t.lead(), "office1");
            int percent = 1 + random.nextInt(100);
            String body = "{\"percent\":" + percent + ",\"note\":\"压测进度反馈 " + k + "：已完成案卷抽查 " + percent
                    + " 件\",\"evidence\":[{\"kind\":\"link\",\"url\":\"https://www.licheng.gov.cn/zfxxgk/" + k
                    + "\",\"name\":\"通报\"}],\"metrics\":[{\"label\":\"抽查案卷\",\"value\":" + percent
                    + ",\"unit\":\"件\"}]}";
            final int index = k;
            http.post("/api/tasks/" + t.id() + "/progress", tokens.of(user), body, (status, error) -> {
                phase.record(index, System.nanoTime() - due, error != null ? "error " + error
                        : status == 200 ? null : "HTTP " + status);
                done.countDown();
            });
        }
        phase.sentIn(System.nanoTime() - start);
        done.await();
        return phase;
    }

    /**
     * Keep-alive HTTP/1.1 connections, each served by its own thread: a due request waits in the queue only while
     * every connection is busy, and that wait counts in its latency. Plain sockets rather than java.net.http: the
     * generator shares the 2 cores with the stack, and HttpClient cost about 2 ms of CPU per request there.
     */
    static final class Connections {
        interface Answer {
            void accept(int status, String error);
        }

        private record Job(String path, String token, byte[] body, Answer answer) {
        }

        private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final String host;
        private final int port;

        Connections(String base, int count) {
            URI uri = URI.create(base);
            host = uri.getHost();
            port = uri.getPort() < 0 ? 80 : uri.getPort();
            for (int i = 0; i < count; i++) {
                Thread w = new Thread(this::serve, "connection-" + i);
                w.setDaemon(true);
                w.start();
            }
        }

        void post(String path, String token, String body, Answer answer) {
            queue.add(new Job(path, token, body.getBytes(StandardCharsets.UTF_8), answer));
        }

        private void serve() {
            Socket socket = null;
            InputStream in = null;
            while (true) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        socket.connect(new InetSocketAddress(host, port), 5_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    byte[] head = ("POST " + job.path() + " HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAuthorization: Bearer " + job.token()
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + job.body().length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    OutputStream out = socket.getOutputStream();
                    byte[] request = Arrays.copyOf(head, head.length + job.body().length);
                    System.arraycopy(job.body(), 0, request, head.length, job.body().length);
                    out.write(request);
                    out.flush();
                    Response r = Response.read(in);
                    if (r.close()) {
                        socket.close();
                        socket = null;
                    }
                    job.answer().accept(r.status(), null);
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                    job.answer().accept(0, e.getClass().getSimpleName());
                }
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    /** The status of one HTTP/1.1 answer, its body read and dropped (Content-Length or chunked). */
    record Response(int status, boolean close) {
        static Response read(InputStream in) throws IOException {
            String status = line(in);
            if (status == null) {
                throw new EOFException("connection closed before an answer");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false, close = false;
            for (String h; !(h = line(in)).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line(in).split(";")[0].strip(), 16)) > 0; ) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(in, length);
            } else {
                close = true; // body until the server closes: read to the end
                while (in.read() >= 0) {
                    // drop
                }
            }
            return new Response(code, close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            if (b.length() == 0) {
                return null;
            }
            throw new EOFException("connection closed inside a line");
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed inside a body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }
    }

    static final class Phase {
        final AtomicLongArray latency;
        final List<Long> offsets;
        final double seconds;
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long sendingNanos;
        Instant startedAt;

        Phase(List<Long> offsets, double seconds) {
            latency = new AtomicLongArray(offsets.size());
            this.offsets = offsets;
            this.seconds = seconds;
        }

        /**
         * The seconds with the most requests over {@code thresholdMs}, by the wall-clock time they were due: to line
         * the tail up with the services' GC logs and PostgreSQL's log.
         */
        String slowestSeconds(int count, double thresholdMs) {
            Map<Long, long[]> bySecond = new TreeMap<>(); // second -> {over threshold, max nanos}
            for (int i = 0; i < offsets.size(); i++) {
                long[] s = bySecond.computeIfAbsent(dueSecond(i), k -> new long[2]);
                long l = latency.get(i);
                if (l > thresholdMs * 1e6) {
                    s[0]++;
                }
                s[1] = Math.max(s[1], l);
            }
            DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
            StringBuilder out = new StringBuilder();
            bySecond.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(count)
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s(%d over, max %.0fms)",
                            hms.format(Instant.ofEpochSecond(e.getKey())), e.getValue()[0], ms(e.getValue()[1]))));
            return "seconds with most requests over " + (long) thresholdMs + " ms (UTC):"
                    + (out.length() == 0 ? " none" : out);
        }

        /**
         * How many requests took over {@code thresholdMs}, and how many of them were due in a second in which the
         * disk probe saw a slow sync, or in the second after (a request due just before a stall waits through it).
         */
        String overDuringDiskStalls(double thresholdMs, DiskProbe disk) {
            Map<Long, Long> stalls = disk.stalls();
            int over = 0, inStall = 0;
            for (int i = 0; i < offsets.size(); i++) {
                if (latency.get(i) > thresholdMs * 1e6) {
                    over++;
                    long sec = dueSecond(i);
                    if (stalls.containsKey(sec) || stalls.containsKey(sec + 1)) {
                        inStall++;
                    }
                }
            }
            return String.format(Locale.ROOT, "requests over %d ms: %d (%.2f%%), of them due in or just before a"
                    + " second with a slow disk sync: %d", (long) thresholdMs, over, 100.0 * over / offsets.size(),
                    inStall);
        }

        /** The epoch second (UTC) in which request {@code i} was due. */
        private long dueSecond(int i) {
            return startedAt.getEpochSecond() + (startedAt.getNano() + offsets.get(i)) / 1_000_000_000L;
        }

        void record(int index, long nanos, String error) {
            latency.set(index, nanos);
            if (error != null) {
                errors.computeIfAbsent(error, k -> new AtomicInteger()).incrementAndGet();
            }
        }

        void sentIn(long nanos) {
            sendingNanos = nanos;
        }

        String summary() {
            long[] l = new long[latency.length()];
            for (int i = 0; i < l.length; i++) {
                l[i] = latency.get(i);
            }
            Arrays.sort(l);
            return String.format(Locale.ROOT, "requests=%d achieved=%.1f/s p50=%.1fms p90=%.1fms p99=%.1fms"
                            + " p99.9=%.1fms max=%.1fms errors=%s", l.length, l.length / (sendingNanos / 1e9),
                    ms(at(l, 0.50)), ms(at(l, 0.90)), ms(at(l, 0.99)), ms(at(l, 0.999)), ms(l[l.length - 1]),
                    new TreeMap<>(errors));
        }

        private static long at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /**
     * The disk under PostgreSQL's WAL, measured beside the load: 8 KiB written and fdatasync'ed every 50 ms, as a
     * commit does. A sync that takes long holds every commit of that moment, whatever the services do, so the slow
     * requests can be told apart from the slow disk.
     */
    static final class DiskProbe {
        private static final long SLOW_NANOS = 20_000_000L;
        private final List<long[]> syncs = new ArrayList<>(); // {epoch second, nanos}
        private final Path file;
        private volatile boolean running = true;
        private final Thread thread;

        private DiskProbe(Path dir) throws IOException {
            Files.createDirectories(dir);
            file = dir.resolve("bench-disk-probe.tmp");
            thread = new Thread(this::probe, "disk-probe");
            thread.setDaemon(true);
        }

        static DiskProbe start(Path dir) throws IOException {
            DiskProbe p = new DiskProbe(dir);
            p.thread.start();
            return p;
        }

        private void probe() {
            int size = 16 << 20;
            ByteBuffer block = ByteBuffer.allocateDirect(8192);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                for (long off = 0; off < size; off += 8192) { // allocated first, like a WAL segment
                    block.clear();
                    ch.write(block, off);
                }
                ch.force(true);
                long next = System.nanoTime();
                for (long off = 0; running; off = (off + 8192) % size) {
                    next += 50_000_000L;
                    LockSupport.parkNanos(next - System.nanoTime());
                    long t0 = System.nanoTime();
                    block.clear();
                    ch.write(block, off);
                    ch.force(false);
                    long took = System.nanoTime() - t0;
                    synchronized (syncs) {
                        syncs.add(new long[]{Instant.now().getEpochSecond(), took});
                    }
                }
            } catch (IOException e) {
                System.out.println("disk probe stopped: " + e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temporary file
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        /** The epoch seconds in which a sync took over 20 ms, with the longest sync of each. */
        Map<Long, Long> stalls() {
            Map<Long, Long> out = new TreeMap<>();
            synchronized (syncs) {
                for (long[] s : syncs) {
                    if (s[1] > SLOW_NANOS) {
                        out.merge(s[0], s[1], Math::max);
                    }
                }
            }
            return out;
        }

        String summary() {
            long[] l;
            synchronized (syncs) {
                l = syncs.stream().mapToLong(s -> s[1]).sorted().toArray();
            }
            if (l.length == 0) {
                return "disk probe: no samples";
            }
            DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
            StringBuilder b = new StringBuilder();
            stalls().forEach((sec, nanos) -> b.append(String.format(Locale.ROOT, " %s(%.0fms)",
                    hms.format(Instant.ofEpochSecond(sec)), nanos / 1e6)));
            return String.format(Locale.ROOT, "disk (8 KiB write + fdatasync every 50 ms in %s): n=%d p50=%.2fms"
                            + " p99=%.1fms max=%.1fms; seconds with a sync over 20 ms (UTC):%s", file.getParent(),
                    l.length, Phase.ms(Phase.at(l, 0.5)), Phase.ms(Phase.at(l, 0.99)), Phase.ms(l[l.length - 1]),
                    b.length() == 0 ? " none" : b);
        }
    }

    /** Password-grant tokens of the demo users (client rol-cli), renewed before they expire. */
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

        String of(String user) {
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
            String form = "client_id=rol-cli&grant_type=password&username=" + enc(user) + "&password=" + enc(user);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher a = ACCESS.matcher(r.body());
            Matcher e = EXPIRES.matcher(r.body());
            if (r.statusCode() != 200 || !a.find() || !e.find()) {
                throw new IllegalStateException("no token for " + user + ": HTTP " + r.statusCode() + " " + r.body());
            }
            // renew a minute early
            long renewAt = System.nanoTime() + (Long.parseLong(e.group(1)) - 60) * 1_000_000_000L;
            tokens.put(user, new String[]{a.group(1), Long.toString(renewAt)});
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    static double seconds(String s) {
        s = s.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("ms")) {
            return Double.parseDouble(s.substring(0, s.length() - 2)) / 1000;
        }
        if (s.endsWith("m")) {
            return Double.parseDouble(s.substring(0, s.length() - 1)) * 60;
        }
        return Double.parseDouble(s.endsWith("s") ? s.substring(0, s.length() - 1) : s);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println("java Bench.java [--url U] [--keycloak K] [--tasks tasks.csv] [--rate 200]"
                        + " [--duration 60s] [--warmup 20s] [--connections 128] [--out result.txt] [--probe-dir DIR]");
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
