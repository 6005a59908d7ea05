package rol.notification.progress;

import rol.notification.policy.TaskSnapshot;
import rol.notification.rollup.ScopeKey;
import rol.platform.event.rollup.RollupUpdatedV1;

import java.util.Comparator;
import java.util.List;

/**
 * One row of {@code rollup_scope}: a scope of the rule package crossed with the plan year (0 = none). Sorted, so
 * that every writer locks rows in the same order and two writers never deadlock.
 */
public record RowKey(String district, Scope scope, String scopeId, int year) implements Comparable<RowKey> {

    private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::district)
            .thenComparing(RowKey::scope).thenComparing(RowKey::scopeId).thenComparingInt(RowKey::year);

    /** The rows a task counts in: its scopes (ScopeKey.of) but the plan-year one, each in the task's plan year. */
    public static List<RowKey> of(TaskSnapshot t) {
        int year = t.planYear() == null ? 0 : t.planYear();
        return ScopeKey.of(t).stream()
                .flatMap(k -> Scope.of(k.kind()).stream().map(s -> new RowKey(k.district(), s, k.value(), year)))
                .toList();
    }

    public Integer yearOrNull() {
        return year == 0 ? null : year;
    }

    /** The Kafka key of this row's {@code rollup.updated.v1}. */
    public String eventKey() {
        return RollupUpdatedV1.key(district, scope.word(), scopeId, yearOrNull());
    }

    @Override
    public int compareTo(RowKey o) {
        return ORDER.compare(this, o);
    }
}
