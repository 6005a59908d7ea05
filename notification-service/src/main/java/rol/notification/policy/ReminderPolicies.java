package rol.notification.policy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The reminder policy per district: the configured ones, and {@link ReminderPolicy#defaults} for any other. */
public final class ReminderPolicies {

    private final Map<String, ReminderPolicy> byDistrict;
    private final Function<String, ReminderPolicy> fallback;
    /** The fallback is asked once per district: every task event plans with it. */
    private final Map<String, ReminderPolicy> fallbacks = new ConcurrentHashMap<>();

    public ReminderPolicies(Iterable<ReminderPolicy> configured) {
        this(configured, ReminderPolicy::defaults);
    }

    public ReminderPolicies(Iterable<ReminderPolicy> configured, Function<String, ReminderPolicy> fallback) {
        Map<String, ReminderPolicy> m = new TreeMap<>();
        for (ReminderPolicy p : configured) {
            if (m.put(p.district(), p) != null) {
                throw new IllegalArgumentException("two reminder policies for district " + p.district());
            }
        }
        this.byDistrict = Map.copyOf(m);
        this.fallback = fallback;
    }

    public ReminderPolicy forDistrict(String district) {
        ReminderPolicy p = byDistrict.get(district);
        return p != null ? p : fallbacks.computeIfAbsent(district, fallback);
    }
}
