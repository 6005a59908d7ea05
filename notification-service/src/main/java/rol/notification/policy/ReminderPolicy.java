package rol.notification.policy;

import rol.platform.lights.TaskState;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reminder rules of one district. {@link #defaults(String)} is what the issue asks for; a district overrides any
 * component (see docs/notifications.md for each rule's meaning).
 *
 * @param district                        district id
 * @param beforeDeadlineWorkingDays       临近提醒: working days before the deadline, e.g. [14, 7, 1]; empty = none
 * @param onDeadline                      到期提醒 on the deadline itself
 * @param afterDeadlineEveryWorkingDays   逾期提醒 every k working days after the deadline; 0 = none
 * @param escalationAfterOverdueWorkingDays 督办 escalation once the task is this many working days overdue; 0 = none
 * @param chaserAfterDaysWithoutFeedback  催办 after this many calendar days without feedback; 0 = none
 * @param chaserRepeatEveryDays           repeat the chaser every this many calendar days while still no feedback;
 *                                        0 = only once per silence
 * @param chaserStates                    states in which the chaser applies
 * @param recipients                      who gets each rule's reminders
 * @param quietHours                      when nothing is sent
 * @param zone                            the district's time zone: what "today" is
 */
public record ReminderPolicy(
        String district,
        List<Integer> beforeDeadlineWorkingDays,
        boolean onDeadline,
        int afterDeadlineEveryWorkingDays,
        int escalationAfterOverdueWorkingDays,
        int chaserAfterDaysWithoutFeedback,
        int chaserRepeatEveryDays,
        Set<TaskState> chaserStates,
        Map<ReminderRule, Set<Recipient>> recipients,
        QuietHours quietHours,
        ZoneId zone) {

    public ReminderPolicy {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(zone, "zone");
        beforeDeadlineWorkingDays = List.copyOf(beforeDeadlineWorkingDays);
        if (beforeDeadlineWorkingDays.stream().anyMatch(n -> n <= 0)
                || beforeDeadlineWorkingDays.stream().distinct().count() != beforeDeadlineWorkingDays.size()) {
            throw new IllegalArgumentException("beforeDeadlineWorkingDays must be distinct and positive: "
                    + beforeDeadlineWorkingDays);
        }
        beforeDeadlineWorkingDays = beforeDeadlineWorkingDays.stream()
                .sorted(Collections.reverseOrder()).toList();
        if (afterDeadlineEveryWorkingDays < 0 || escalationAfterOverdueWorkingDays < 0
                || chaserAfterDaysWithoutFeedback < 0 || chaserRepeatEveryDays < 0) {
            throw new IllegalArgumentException("negative interval in the reminder policy of " + district);
        }
        chaserStates = chaserStates.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(chaserStates));
        Map<ReminderRule, Set<Recipient>> r = new EnumMap<>(defaultRecipients());
        r.putAll(recipients);
        r.replaceAll((rule, set) -> set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set)));
        recipients = Collections.unmodifiableMap(r);
    }

    /**
     * The defaults: 14, 7 and 1 working days before the deadline, on the day, every 3 working days after it,
     * escalation after 5 overdue working days, chaser after 30 calendar days without feedback (repeated every 30)
     * for ACKNOWLEDGED, IN_PROGRESS and RETURNED tasks, quiet 22:00–08:00, Asia/Shanghai.
     */
    public static ReminderPolicy defaults(String district) {
        return new ReminderPolicy(district, List.of(14, 7, 1), true, 3, 5, 30, 30,
                EnumSet.of(TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS,
                        TaskState.RETURNED),
                defaultRecipients(), QuietHours.defaults(), QuietHours.CHINA);
    }

    /**
     * Deadline reminders and chasers to the lead department (co-departments get the deadline ones too), escalation
     * to the office and the lead department's head, event notices to the lead and co-departments.
     */
    public static Map<ReminderRule, Set<Recipient>> defaultRecipients() {
        Map<ReminderRule, Set<Recipient>> m = new EnumMap<>(ReminderRule.class);
        Set<Recipient> departments = EnumSet.of(Recipient.LEAD, Recipient.CO);
        m.put(ReminderRule.BEFORE_DEADLINE, departments);
        m.put(ReminderRule.ON_DEADLINE, departments);
        m.put(ReminderRule.AFTER_DEADLINE, departments);
        m.put(ReminderRule.ESCALATION, EnumSet.of(Recipient.OFFICE, Recipient.LEAD_HEAD));
        m.put(ReminderRule.CHASER, EnumSet.of(Recipient.LEAD));
        m.put(ReminderRule.DISPATCHED, departments);
        m.put(ReminderRule.RETURNED, departments);
        m.put(ReminderRule.EXTENSION_DECIDED, departments);
        return m;
    }

    public Set<Recipient> recipientsOf(ReminderRule rule) {
        return recipients.get(rule);
    }
}
