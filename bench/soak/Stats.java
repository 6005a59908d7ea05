import java.util.List;
import java.util.Locale;

/** Latency percentiles (exact, over every sample) of a soak, in all and per minute. */
final class Stats {

    private Stats() {
    }

    static String of(List<Soak.Sample> samples) {
        if (samples.isEmpty()) {
            return "no requests";
        }
        long[] l = sorted(samples);
        return String.format(Locale.ROOT, "%d requests, p50 %.0f ms, p99 %.0f ms, %d errors", l.length,
                at(l, 0.5) / 1e6, at(l, 0.99) / 1e6, errors(samples));
    }

    /** minute, then per kind its p50, p99 and count, then all errors of the minute: one line per minute. */
    static String perMinute(List<Soak.Sample> samples, long minutes) {
        StringBuilder s = new StringBuilder("minute");
        Soak.KINDS.forEach(k -> s.append('\t').append(k).append("_p50\t").append(k).append("_p99\t").append(k)
                .append("_n"));
        s.append("\terrors\n");
        for (int m = 0; m < minutes; m++) {
            List<Soak.Sample> minute = within(samples, m, m + 1);
            s.append(m + 1);
            for (String kind : Soak.KINDS) {
                long[] l = sorted(minute.stream().filter(x -> x.kind().equals(kind)).toList());
                s.append(l.length == 0 ? "\tNaN\tNaN\t0" : String.format(Locale.ROOT, "\t%.1f\t%.1f\t%d",
                        at(l, 0.5) / 1e6, at(l, 0.99) / 1e6, l.length));
            }
            s.append('\t').append(errors(minute)).append('\n');
        }
        return s.toString();
    }

    /** Per kind: count, p50, p99, max and errors over the whole soak, and p99 in its first and last five minutes. */
    static String table(List<Soak.Sample> samples, long minutes) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, """

                %d minutes, %d requests
                | kind | n | p50 | p99 | max | errors | p99 minutes 1–5 | p99 last 5 minutes |
                |---|---|---|---|---|---|---|---|
                """, minutes, samples.size()));
        for (String kind : Soak.KINDS) {
            List<Soak.Sample> of = samples.stream().filter(x -> x.kind().equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            long[] l = sorted(of);
            s.append(String.format(Locale.ROOT, "| %s | %d | %.0f ms | %.0f ms | %.0f ms | %d | %s | %s |%n", kind,
                    l.length, at(l, 0.5) / 1e6, at(l, 0.99) / 1e6, l[l.length - 1] / 1e6, errors(of),
                    p99(within(of, 0, 5)), p99(within(of, minutes - 5, minutes))));
        }
        return s.toString();
    }

    private static List<Soak.Sample> within(List<Soak.Sample> samples, long fromMinute, long toMinute) {
        return samples.stream().filter(x -> x.at() >= fromMinute * 60_000_000_000L && x.at() < toMinute * 60_000_000_000L)
                .toList();
    }

    private static String p99(List<Soak.Sample> samples) {
        return samples.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f ms", at(sorted(samples), 0.99) / 1e6);
    }

    private static long errors(List<Soak.Sample> samples) {
        return samples.stream().filter(x -> x.error() != null).count();
    }

    private static long[] sorted(List<Soak.Sample> samples) {
        return samples.stream().mapToLong(Soak.Sample::nanos).sorted().toArray();
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
