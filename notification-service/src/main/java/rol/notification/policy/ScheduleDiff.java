package rol.notification.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The writes that bring a task's stored schedule in line with its newest plan, and no others: most task events
 * (a progress report) leave the plan as it was, and then nothing is written.
 * <ul>
 *   <li>a planned occurrence not stored yet is inserted;</li>
 *   <li>a pending one whose due day, expiry or recipients differ from the plan gets the plan's;</li>
 *   <li>a withdrawn one planned again (a returned task) becomes pending with the plan's values;</li>
 *   <li>a sent or expired one is never touched, planned or not;</li>
 *   <li>a pending date-driven one the plan no longer has is withdrawn; event notices are never withdrawn (no plan
 *       returns them: they are stored once per event).</li>
 * </ul>
 *
 * @param inserts     occurrences to store
 * @param updates     stored rows to set to their planned occurrence, pending
 * @param withdrawals ids of pending rows to withdraw
 */
public record ScheduleDiff(List<PlannedReminder> inserts, List<Update> updates, List<Long> withdrawals) {

    /** A row's state in {@code reminder_schedule}. */
    public enum Status { PENDING, SENT, WITHDRAWN, EXPIRED }

    /** One stored row of the task, as far as re-planning compares it. */
    public record Stored(long id, ReminderRule rule, String occurrenceKey, Status status, LocalDate dueOn,
                         LocalDate expiresOn, Set<Recipient> recipients) {
    }

    /** Stored row {@code id} is to hold {@code planned} and be pending. */
    public record Update(long id, PlannedReminder planned) {
    }

    public ScheduleDiff {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        withdrawals = List.copyOf(withdrawals);
    }

    /** The diff between one task's plan and that task's stored rows. */
    public static ScheduleDiff of(List<PlannedReminder> plan, Collection<Stored> stored) {
        Map<Key, Stored> byKey = new HashMap<>();
        stored.forEach(s -> byKey.put(new Key(s.rule(), s.occurrenceKey()), s));
        Set<Key> planned = new HashSet<>();
        List<PlannedReminder> inserts = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (PlannedReminder p : plan) {
            Key key = new Key(p.rule(), p.occurrenceKey());
            planned.add(key);
            Stored s = byKey.get(key);
            if (s == null) {
                inserts.add(p);
            } else if (s.status() == Status.WITHDRAWN || (s.status() == Status.PENDING && differs(s, p))) {
                updates.add(new Update(s.id(), p));
            }
        }
        List<Long> withdrawals = new ArrayList<>();
        for (Stored s : stored) {
            if (s.status() == Status.PENDING && !s.rule().notice()
                    && !planned.contains(new Key(s.rule(), s.occurrenceKey()))) {
                withdrawals.add(s.id());
            }
        }
        return new ScheduleDiff(inserts, updates, withdrawals);
    }

    /** Nothing to write. */
    public boolean none() {
        return inserts.isEmpty() && updates.isEmpty() && withdrawals.isEmpty();
    }

    private static boolean differs(Stored s, PlannedReminder p) {
        return !s.dueOn().equals(p.dueOn()) || !Objects.equals(s.expiresOn(), p.expiresOn())
                || !s.recipients().equals(p.recipients());
    }

    private record Key(ReminderRule rule, String occurrenceKey) {
    }
}
