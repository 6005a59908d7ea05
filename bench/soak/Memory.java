import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory of the services every 10 s: resident set (/proc) and the heap after the last GC, read from the JVM's
 * performance counters (the hsperfdata file jstat reads). With the serial collector the old generation and the
 * survivor spaces change only at a collection, so their sum is the heap the last GC left behind.
 */
final class Memory {

    private final List<Soak.Service> services;
    private final Path file;
    private final List<double[]> rows = new ArrayList<>();
    private final Map<String, Long> fullGcsAtStart = new HashMap<>();

    Memory(List<Soak.Service> services, Path file) throws IOException {
        this.services = services;
        this.file = file;
        StringBuilder head = new StringBuilder("minute");
        for (Soak.Service s : services) {
            head.append('\t').append(s.name()).append("_rss\t").append(s.name()).append("_heap");
            fullGcsAtStart.put(s.name(), counters(s.pid()).getOrDefault("sun.gc.collector.1.invocations", 0L));
        }
        Files.writeString(file, head.append('\n'));
    }

    void sample(double minute) throws IOException {
        double[] row = new double[1 + 2 * services.size()];
        row[0] = minute;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.2f", minute));
        for (int i = 0; i < services.size(); i++) {
            long pid = services.get(i).pid();
            row[1 + 2 * i] = rss(pid) / 1e6;
            row[2 + 2 * i] = heapAfterGc(pid) / 1e6;
            line.append(String.format(Locale.ROOT, "\t%.1f\t%.1f", row[1 + 2 * i], row[2 + 2 * i]));
        }
        rows.add(row);
        Files.writeString(file, line.append('\n'), StandardOpenOption.APPEND);
    }

    String last() {
        double[] row = rows.get(rows.size() - 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < services.size(); i++) {
            s.append(String.format(Locale.ROOT, "%s %.0f/%.0f MB ", services.get(i).name().replace("-service", ""),
                    row[1 + 2 * i], row[2 + 2 * i]));
        }
        return s.toString().strip();
    }

    /** A table per service: resident memory first and last, the live heap after a full GC at the start and the end. */
    String verdict(Map<String, Double> liveAtStart, Map<String, Double> liveAtEnd) throws IOException {
        StringBuilder s = new StringBuilder("""
                | service | RSS first 10 s | RSS last 10 s | RSS max | heap after GC, first → last sample | \
                live heap after full GC, start → end | full GCs during the soak |
                |---|---|---|---|---|---|---|
                """);
        double[] first = rows.get(0);
        double[] last = rows.get(rows.size() - 1);
        for (int i = 0; i < services.size(); i++) {
            Soak.Service svc = services.get(i);
            int column = 1 + 2 * i;
            double max = rows.stream().mapToDouble(r -> r[column]).max().orElse(0);
            long fullGcs = counters(svc.pid()).getOrDefault("sun.gc.collector.1.invocations", 0L)
                    - fullGcsAtStart.get(svc.name()) - 1; // the forced one at the end
            s.append(String.format(Locale.ROOT, "| %s | %.0f MB | %.0f MB | %.0f MB | %.0f → %.0f MB | %.0f → %.0f MB | %d |%n",
                    svc.name(), first[column], last[column], max, first[column + 1], last[column + 1],
                    liveAtStart.get(svc.name()), liveAtEnd.get(svc.name()), fullGcs));
        }
        return s.toString();
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    static long heapAfterGc(long pid) throws IOException {
        Map<String, Long> c = counters(pid);
        return c.get("sun.gc.generation.1.space.0.used") + c.get("sun.gc.generation.0.space.1.used")
                + c.get("sun.gc.generation.0.space.2.used");
    }

    /**
     * The long counters of a JVM's hsperfdata file (format 2.0: a 32-byte prologue whose byte at 4 says the byte
     * order and whose ints at 24 and 28 give the first entry and the number of entries; each entry holds its length,
     * its name's offset, a type byte at 12 ('J' for long) and its data's offset at 16).
     */
    static Map<String, Long> counters(long pid) throws IOException {
        Path file = Path.of("/tmp/hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(file)) {
            b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        b.order(b.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Map<String, Long> values = new HashMap<>();
        int entry = b.getInt(24);
        for (int n = b.getInt(28); n > 0; n--) {
            if (b.get(entry + 12) == 'J' && b.getInt(entry + 8) == 0) {
                int name = entry + b.getInt(entry + 4);
                int length = 0;
                while (b.get(name + length) != 0) {
                    length++;
                }
                byte[] bytes = new byte[length];
                b.get(name, bytes);
                values.put(new String(bytes, StandardCharsets.US_ASCII), b.getLong(entry + b.getInt(entry + 16)));
            }
            entry += b.getInt(entry);
        }
        return values;
    }
}
