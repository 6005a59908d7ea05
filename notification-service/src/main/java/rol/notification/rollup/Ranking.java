package rol.notification.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 通报排名: scopes (usually the departments of a district) ordered best first by
 * <ol>
 *   <li>completion rate (closed / supervised), higher first;</li>
 *   <li>on-time rate (closed on time / closed), higher first; a scope that closed nothing has no on-time rate and
 *       comes after every scope that has one;</li>
 *   <li>overdue count, fewer first.</li>
 * </ol>
 * Scopes equal on all three share a rank (1, 2, 2, 4) and are listed by id. Scopes without supervised tasks are not
 * ranked. Rates are compared as exact fractions, so 1/3 and 2/6 tie.
 */
public final class Ranking {

    /** One line of the ranking. */
    public record Entry(int rank, ScopeKey scope, ScopeTotals totals) {
    }

    /** Best first; 0 means equal rank. */
    public static final Comparator<ScopeTotals> ORDER = Ranking::compare;

    private Ranking() {
    }

    /** The departments of {@code district}, ranked. */
    public static List<Entry> departments(Rollup rollup, String district) {
        return rank(rollup.totals(district, ScopeKind.DEPARTMENT));
    }

    /** Ranks the given scopes (those with supervised tasks). */
    public static List<Entry> rank(Map<ScopeKey, ScopeTotals> scopes) {
        List<Map.Entry<ScopeKey, ScopeTotals>> list = new ArrayList<>();
        for (Map.Entry<ScopeKey, ScopeTotals> e : scopes.entrySet()) {
            if (e.getValue().supervised() > 0) {
                list.add(e);
            }
        }
        list.sort(Map.Entry.<ScopeKey, ScopeTotals>comparingByValue(ORDER).thenComparing(Map.Entry.comparingByKey()));
        List<Entry> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map.Entry<ScopeKey, ScopeTotals> e = list.get(i);
            int rank = i > 0 && compare(list.get(i - 1).getValue(), e.getValue()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Entry(rank, e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    private static int compare(ScopeTotals a, ScopeTotals b) {
        int c = compareFractions(b.closed(), b.supervised(), a.closed(), a.supervised()); // higher first
        if (c != 0) {
            return c;
        }
        boolean aHas = a.closed() > 0;
        boolean bHas = b.closed() > 0;
        if (aHas != bHas) {
            return aHas ? -1 : 1;
        }
        if (aHas) {
            c = compareFractions(b.closedOnTime(), b.closed(), a.closedOnTime(), a.closed());
            if (c != 0) {
                return c;
            }
        }
        return Long.compare(a.overdue(), b.overdue());
    }

    /** Compares p/q with r/s exactly (q, s > 0). */
    private static int compareFractions(long p, long q, long r, long s) {
        return Long.compare(Math.multiplyExact(p, s), Math.multiplyExact(r, q));
    }
}
