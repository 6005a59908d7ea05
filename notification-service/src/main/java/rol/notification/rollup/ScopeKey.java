package rol.notification.rollup;

import rol.notification.policy.TaskSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One rollup scope, always inside a district: {@code (licheng, DEPARTMENT, sfj)}. For {@link ScopeKind#DISTRICT}
 * the value is the district id itself.
 */
public record ScopeKey(String district, ScopeKind kind, String value) implements Comparable<ScopeKey> {

    private static final Comparator<ScopeKey> ORDER = Comparator.comparing((ScopeKey k) -> k.district())
            .thenComparing(ScopeKey::kind)
            .thenComparing(ScopeKey::value);

    public ScopeKey {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static ScopeKey district(String district) {
        return new ScopeKey(district, ScopeKind.DISTRICT, district);
    }

    /** The scopes a task counts in: its district, and its lead department, work plan, issuer, plan year if set. */
    public static List<ScopeKey> of(TaskSnapshot t) {
        List<ScopeKey> keys = new ArrayList<>(5);
        keys.add(district(t.district()));
        if (t.leadDepartment() != null) {
            keys.add(new ScopeKey(t.district(), ScopeKind.DEPARTMENT, t.leadDepartment()));
        }
        if (t.workPlanId() != null) {
            keys.add(new ScopeKey(t.district(), ScopeKind.WORK_PLAN, t.workPlanId()));
        }
        if (t.issuer() != null) {
            keys.add(new ScopeKey(t.district(), ScopeKind.ISSUER, t.issuer()));
        }
        if (t.planYear() != null) {
            keys.add(new ScopeKey(t.district(), ScopeKind.PLAN_YEAR, t.planYear().toString()));
        }
        return keys;
    }

    @Override
    public int compareTo(ScopeKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return district + "/" + kind + "/" + value;
    }
}
