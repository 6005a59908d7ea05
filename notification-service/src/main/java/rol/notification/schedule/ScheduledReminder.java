package rol.notification.schedule;

import rol.notification.policy.Recipient;
import rol.notification.policy.ReminderRule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** One row of {@code reminder_schedule}. */
record ScheduledReminder(long id, String taskId, String district, ReminderRule rule, String occurrenceKey,
                         LocalDate dueOn, LocalDate expiresOn, LocalDate deadline, Set<Recipient> recipients,
                         Map<String, Object> context, Instant sendAfter) {
}
