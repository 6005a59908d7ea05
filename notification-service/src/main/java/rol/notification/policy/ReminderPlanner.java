package rol.notification.policy;

import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Plans the reminders of one task from its newest snapshot: a pure function of (snapshot, now, calendar, policy).
 *
 * <p>The contract with delivery: call {@link #plan} whenever a task changes and once a day; send every returned
 * reminder with {@link PlannedReminder#dueBy(LocalDate) dueBy(today)} whose identity was never sent, at
 * {@link QuietHours#earliestSend}; forget pending ones that a newer plan no longer contains (that is how closing,
 * cancelling, a deadline change or new feedback withdraw them). Reminders for the same deadline keep their keys
 * across re-planning, so nothing is sent twice.
 *
 * <p>The rules (docs/notifications.md has the long version):
 * <ul>
 *   <li>Deadline reminders (before, on the day, after, escalation) only for open tasks whose next move is the
 *       department's ({@link TaskState#withDepartment()}: DISPATCHED, ACKNOWLEDGED, IN_PROGRESS, RETURNED)
 *       and that have a deadline. The keys carry the deadline, so a changed deadline starts a new series.</li>
 *   <li>Before, on-day and after reminders form one series; each occurrence is valid from its day until the next
 *       occurrence's day (then it is stale, "7 days left" must not arrive when 1 is left). Occurrences dated before
 *       the dispatch day are not planned: the dispatch notice stands in for them. Of the endless "after" series the
 *       plan holds the current occurrence and the next one.</li>
 *   <li>Escalation once the task is {@code escalationAfterOverdueWorkingDays} working days overdue, on the day that
 *       count is reached ({@code plusWorkingDays(deadline, N)}); it never goes stale while the task is overdue.</li>
 *   <li>Chaser after {@code chaserAfterDaysWithoutFeedback} calendar days without feedback (counted from the last
 *       feedback, or from dispatch if there was none), moved to the next working day, repeated every
 *       {@code chaserRepeatEveryDays} calendar days; new feedback changes the key and so restarts the count.</li>
 * </ul>
 */
public final class ReminderPlanner {

    private static final Comparator<PlannedReminder> ORDER = Comparator.comparing(PlannedReminder::dueOn)
            .thenComparing(PlannedReminder::rule)
            .thenComparing(PlannedReminder::occurrenceKey);

    private final ReminderPolicy policy;

    public ReminderPlanner(ReminderPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ReminderPolicy policy() {
        return policy;
    }

    /** The reminders of this task that are due now or later and not stale, ordered by due day. */
    public List<PlannedReminder> plan(TaskSnapshot task, Instant now, WorkingCalendar calendar) {
        if (!task.district().equals(policy.district())) {
            throw new IllegalArgumentException("task " + task.taskId() + " is in district " + task.district()
                    + ", the policy is for " + policy.district());
        }
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        List<PlannedReminder> out = new ArrayList<>();
        if (task.state().withDepartment() && task.deadline() != null) {
            deadlineSeries(task, today, calendar, out);
            escalation(task, calendar, out);
        }
        if (policy.chaserAfterDaysWithoutFeedback() > 0 && policy.chaserStates().contains(task.state())) {
            chasers(task, today, calendar, out);
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * The notice for a task event (dispatched, returned, extension decided): once per event, due on the day it
     * happened, never stale. {@code eventId} is the CloudEvent id.
     */
    public PlannedReminder notice(TaskSnapshot task, ReminderRule rule, String eventId, Instant occurredAt) {
        if (!rule.notice()) {
            throw new IllegalArgumentException(rule + " is not an event notice");
        }
        Objects.requireNonNull(eventId, "eventId");
        return new PlannedReminder(task.taskId(), rule, "event:" + eventId,
                LocalDate.ofInstant(occurredAt, policy.zone()), null, policy.recipientsOf(rule), task.deadline());
    }

    private record Occurrence(ReminderRule rule, String key, LocalDate dueOn) {
    }

    private void deadlineSeries(TaskSnapshot task, LocalDate today, WorkingCalendar cal, List<PlannedReminder> out) {
        LocalDate deadline = task.deadline();
        List<Occurrence> series = new ArrayList<>();
        for (int n : policy.beforeDeadlineWorkingDays()) { // largest first: ascending dates
            series.add(new Occurrence(ReminderRule.BEFORE_DEADLINE, "before:" + n + "@" + deadline,
                    cal.plusWorkingDays(deadline, -n)));
        }
        if (policy.onDeadline()) {
            series.add(new Occurrence(ReminderRule.ON_DEADLINE, "on-day@" + deadline, deadline));
        }
        int every = policy.afterDeadlineEveryWorkingDays();
        int lastPlanned = series.size() - 1;
        if (every > 0) {
            // after:1, after:2, … up to the first one after today, plus one more to know when that one goes stale
            // (each step from the previous one: plusWorkingDays(deadline, i * every) without quadratic cost)
            LocalDate due = deadline;
            for (int i = 1; ; i++) {
                due = cal.plusWorkingDays(due, every);
                series.add(new Occurrence(ReminderRule.AFTER_DEADLINE, "after:" + i + "@" + deadline, due));
                if (due.isAfter(today)) {
                    lastPlanned = series.size() - 1;
                    series.add(new Occurrence(ReminderRule.AFTER_DEADLINE, "after:" + (i + 1) + "@" + deadline,
                            cal.plusWorkingDays(due, every)));
                    break;
                }
            }
        }
        for (int j = 0; j <= lastPlanned; j++) {
            Occurrence o = series.get(j);
            LocalDate expires = j + 1 < series.size() ? series.get(j + 1).dueOn() : null;
            boolean stale = expires != null && !expires.isAfter(today);
            boolean beforeDispatch = task.dispatchedOn() != null && o.dueOn().isBefore(task.dispatchedOn());
            if (!stale && !beforeDispatch) {
                out.add(new PlannedReminder(task.taskId(), o.rule(), o.key(), o.dueOn(), expires,
                        policy.recipientsOf(o.rule()), deadline));
            }
        }
    }

    private void escalation(TaskSnapshot task, WorkingCalendar cal, List<PlannedReminder> out) {
        int n = policy.escalationAfterOverdueWorkingDays();
        if (n > 0) {
            out.add(new PlannedReminder(task.taskId(), ReminderRule.ESCALATION, "escalation@" + task.deadline(),
                    cal.plusWorkingDays(task.deadline(), n), null, policy.recipientsOf(ReminderRule.ESCALATION),
                    task.deadline()));
        }
    }

    private void chasers(TaskSnapshot task, LocalDate today, WorkingCalendar cal, List<PlannedReminder> out) {
        LocalDate since = task.lastFeedbackAt() != null
                ? LocalDate.ofInstant(task.lastFeedbackAt(), policy.zone())
                : task.dispatchedOn();
        if (since == null) {
            return; // never reported and dispatch day unknown: nothing to count from
        }
        int first = policy.chaserAfterDaysWithoutFeedback();
        int repeat = policy.chaserRepeatEveryDays();
        for (int i = 1; ; i++) {
            LocalDate due = cal.workingDayOnOrAfter(since.plusDays(first + (long) (i - 1) * repeat));
            LocalDate expires = repeat > 0
                    ? cal.workingDayOnOrAfter(since.plusDays(first + (long) i * repeat))
                    : null;
            boolean stale = expires != null && !expires.isAfter(today);
            boolean superseded = expires != null && !expires.isAfter(due); // two fell on the same working day
            if (!stale && !superseded) {
                out.add(new PlannedReminder(task.taskId(), ReminderRule.CHASER, "chaser:" + since + ":" + i, due,
                        expires, policy.recipientsOf(ReminderRule.CHASER), task.deadline()));
            }
            if (due.isAfter(today) || repeat == 0) {
                return;
            }
        }
    }
}
