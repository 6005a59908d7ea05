package rol.task.rectification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * 再次出现: how a problem recurs across the issuer's reports. {@code earlier} are the problems of earlier reports this
 * one names again, {@code recurredIn} the problems of later reports that name this one again, {@code years} every
 * report year the problem appeared in (this report's included). Plain Java: built from the stored pairs.
 */
public record Recurrence(List<Integer> years, List<Ref> earlier, List<Ref> recurredIn) {

    /** One problem of one report. */
    public record Ref(UUID reportId, Integer reportYear, String problemId, String title) {
    }

    /** A stored pair: {@code later} names {@code earlier} again; {@code years} are those of the later problem. */
    public record Pair(Ref later, Ref earlier, List<Integer> years) {
    }

    private static final Comparator<Ref> ORDER = Comparator
            .comparing(Ref::reportYear, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.reportId().toString()).thenComparing(Ref::problemId);

    /** True when a later report named the problem again: its rectification is not over (RECURRED). */
    public boolean recurredLater() {
        return !recurredIn.isEmpty();
    }

    /** The recurrence of problem {@code problemId} of report {@code reportId} among {@code pairs}; null when none. */
    public static Recurrence of(UUID reportId, String problemId, Collection<Pair> pairs) {
        TreeSet<Integer> years = new TreeSet<>();
        List<Ref> earlier = new ArrayList<>();
        List<Ref> recurredIn = new ArrayList<>();
        for (Pair p : pairs) {
            if (is(p.later(), reportId, problemId)) {
                earlier.add(p.earlier());
                years.addAll(p.years());
                add(years, p.later().reportYear());
            } else if (is(p.earlier(), reportId, problemId)) {
                recurredIn.add(p.later());
                add(years, p.earlier().reportYear());
                add(years, p.later().reportYear());
            }
        }
        if (earlier.isEmpty() && recurredIn.isEmpty()) {
            return null;
        }
        return new Recurrence(List.copyOf(years), distinct(earlier), distinct(recurredIn));
    }

    private static boolean is(Ref ref, UUID reportId, String problemId) {
        return ref.reportId().equals(reportId) && ref.problemId().equals(problemId);
    }

    private static void add(TreeSet<Integer> years, Integer year) {
        if (year != null) {
            years.add(year);
        }
    }

    /** One entry per problem (a pair may come twice through the two sides of a query), oldest report first. */
    private static List<Ref> distinct(List<Ref> refs) {
        List<Ref> out = new ArrayList<>();
        for (Ref r : refs.stream().sorted(ORDER).toList()) {
            if (out.stream().noneMatch(o -> o.reportId().equals(r.reportId())
                    && Objects.equals(o.problemId(), r.problemId()))) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
