package rol.notification.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One reminder the planner wants sent. {@code (taskId, rule, occurrenceKey)} identifies it: delivery sends each such
 * triple at most once, and a reminder the planner no longer returns (task closed, deadline moved, feedback arrived)
 * is withdrawn if not yet sent.
 *
 * @param taskId        the task
 * @param rule          why
 * @param occurrenceKey which occurrence of the rule, stable across re-planning, e.g. {@code before:7@2025-06-30}
 * @param dueOn         the day from which it may be sent (quiet hours decide the hour)
 * @param expiresOn     the day from which it is stale and must not be sent any more (exclusive; the next
 *                      occurrence of the same series is due then), or null when it never expires
 * @param recipients    who receives it
 * @param deadline      the deadline it is about (null for a task without deadline)
 */
public record PlannedReminder(
        String taskId,
        ReminderRule rule,
        String occurrenceKey,
        LocalDate dueOn,
        LocalDate expiresOn,
        Set<Recipient> recipients,
        LocalDate deadline) {

    public PlannedReminder {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(occurrenceKey, "occurrenceKey");
        Objects.requireNonNull(dueOn, "dueOn");
        if (expiresOn != null && !expiresOn.isAfter(dueOn)) {
            throw new IllegalArgumentException("expiresOn " + expiresOn + " not after dueOn " + dueOn);
        }
        recipients = recipients.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(recipients));
    }

    /** Due on {@code today} or earlier and not yet stale. */
    public boolean dueBy(LocalDate today) {
        return !dueOn.isAfter(today) && (expiresOn == null || expiresOn.isAfter(today));
    }

    /** The exactly-once identity: {@code taskId|RULE|occurrenceKey}. */
    public String identity() {
        return taskId + "|" + rule + "|" + occurrenceKey;
    }
}
