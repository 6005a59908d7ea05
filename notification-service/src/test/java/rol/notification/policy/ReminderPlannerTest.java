package rol.notification.policy;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.policy.Tasks.at;
import static rol.notification.policy.Tasks.d;
import static rol.notification.policy.Tasks.morning;

class ReminderPlannerTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private final ReminderPlanner planner = new ReminderPlanner(ReminderPolicy.defaults("licheng"));

    /** Acknowledged on 5/8, first (and only) feedback 30% on 2025-05-19 10:00 Beijing time. */
    private static TaskSnapshot inProgress() {
        return Tasks.dispatched().withState(TaskState.ACKNOWLEDGED)
                .withState(TaskState.IN_PROGRESS).withFeedback(30, at("2025-05-19T10:00"));
    }

    private List<String> keys(TaskSnapshot t, Instant now) {
        return planner.plan(t, now, CN).stream().map(PlannedReminder::occurrenceKey).toList();
    }

    private PlannedReminder find(List<PlannedReminder> plan, String key) {
        return plan.stream().filter(r -> r.occurrenceKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + plan));
    }

    @Test
    void farFromTheDeadlineThePlanHoldsEveryReminderToCome() {
        List<PlannedReminder> plan = planner.plan(inProgress(), morning("2025-05-20"), CN);
        assertEquals(List.of("before:14@2025-06-30", "chaser:2025-05-19:1", "before:7@2025-06-30",
                "before:1@2025-06-30", "on-day@2025-06-30", "after:1@2025-06-30", "escalation@2025-06-30"),
                plan.stream().map(PlannedReminder::occurrenceKey).toList());
        // working days back from Monday 2025-06-30; each valid until the next one is due
        assertEquals(d("2025-06-10"), find(plan, "before:14@2025-06-30").dueOn());
        assertEquals(d("2025-06-19"), find(plan, "before:14@2025-06-30").expiresOn());
        assertEquals(d("2025-06-19"), find(plan, "before:7@2025-06-30").dueOn());
        assertEquals(d("2025-06-27"), find(plan, "before:1@2025-06-30").dueOn());
        assertEquals(d("2025-06-30"), find(plan, "on-day@2025-06-30").dueOn());
        assertEquals(d("2025-07-03"), find(plan, "after:1@2025-06-30").dueOn());
        assertEquals(d("2025-07-08"), find(plan, "after:1@2025-06-30").expiresOn());
        PlannedReminder escalation = find(plan, "escalation@2025-06-30");
        assertEquals(d("2025-07-07"), escalation.dueOn(), "5 working days after the deadline");
        assertEquals(null, escalation.expiresOn());
        assertEquals(EnumSet.of(Recipient.OFFICE, Recipient.LEAD_HEAD), escalation.recipients());
        assertEquals(EnumSet.of(Recipient.LEAD, Recipient.CO), find(plan, "before:7@2025-06-30").recipients());
        assertTrue(plan.stream().noneMatch(r -> r.dueBy(d("2025-05-20"))), "nothing due yet");
    }

    @Test
    void beforeTheDeadlineOnlyTheCurrentOccurrenceIsDue() {
        List<PlannedReminder> plan = planner.plan(inProgress(), morning("2025-06-19"), CN);
        assertFalse(plan.stream().anyMatch(r -> r.occurrenceKey().startsWith("before:14")), "stale on 6/19");
        assertEquals(List.of("chaser:2025-05-19:1", "before:7@2025-06-30"),
                plan.stream().filter(r -> r.dueBy(d("2025-06-19"))).map(PlannedReminder::occurrenceKey).toList());
    }

    @Test
    void onTheDayTheOnDayReminderIsDue() {
        List<PlannedReminder> plan = planner.plan(inProgress(), at("2025-06-30T23:59"), CN);
        assertEquals(List.of("on-day@2025-06-30"), plan.stream().filter(r -> r.dueBy(d("2025-06-30")))
                .filter(r -> r.rule() != ReminderRule.CHASER).map(PlannedReminder::occurrenceKey).toList());
    }

    @Test
    void afterTheDeadlineTheCurrentAndNextRepetitionAndTheEscalation() {
        List<PlannedReminder> plan = planner.plan(inProgress(), morning("2025-07-09"), CN);
        assertEquals(List.of("escalation@2025-06-30", "after:2@2025-06-30", "after:3@2025-06-30"),
                plan.stream().filter(r -> r.rule() != ReminderRule.CHASER).map(PlannedReminder::occurrenceKey)
                        .toList());
        assertEquals(d("2025-07-08"), find(plan, "after:2@2025-06-30").dueOn());
        assertEquals(d("2025-07-11"), find(plan, "after:3@2025-06-30").dueOn());
        assertTrue(find(plan, "escalation@2025-06-30").dueBy(d("2025-07-09")));
    }

    @Test
    void closingOrCancellingWithdrawsEverything() {
        Instant now = morning("2025-07-09");
        assertEquals(List.of(), keys(inProgress().withClosedOn(d("2025-07-09")), now));
        assertEquals(List.of(), keys(inProgress().withState(TaskState.CANCELLED), now));
    }

    @Test
    void aSubmittedTaskWaitsForTheOfficeWithoutReminders() {
        assertEquals(List.of(), keys(inProgress().withState(TaskState.SUBMITTED), morning("2025-06-19")));
    }

    @Test
    void aDraftOrATaskWithoutDeadlineGetsNoDeadlineReminders() {
        TaskSnapshot draft = Tasks.dispatched().withState(TaskState.DRAFT);
        assertEquals(List.of(), keys(draft, morning("2025-06-19")));
        assertEquals(List.of("chaser:2025-05-19:1"), keys(inProgress().withDeadline(null), morning("2025-06-01")));
    }

    @Test
    void aDeadlineChangeStartsANewSeriesAndWithdrawsTheOldOne() {
        TaskSnapshot extended = inProgress().withDeadline(d("2025-09-30"));
        List<PlannedReminder> plan = planner.plan(extended, morning("2025-07-09"), CN);
        assertTrue(plan.stream().noneMatch(r -> r.occurrenceKey().endsWith("@2025-06-30")), plan.toString());
        // Sunday 2025-09-28 is an adjusted working day, so it counts
        assertEquals(d("2025-09-11"), find(plan, "before:14@2025-09-30").dueOn());
        assertEquals(d("2025-09-22"), find(plan, "before:7@2025-09-30").dueOn());
        assertEquals(d("2025-09-29"), find(plan, "before:1@2025-09-30").dueOn());
        assertEquals(d("2025-10-11"), find(plan, "after:1@2025-09-30").dueOn(),
                "after the 8-day National Day, on the adjusted Saturday");
    }

    @Test
    void remindersThatFellBeforeTheDispatchAreNotPlanned() {
        TaskSnapshot late = Tasks.dispatched().withDispatch("sfj", List.of(), d("2025-06-30"), d("2025-06-16"));
        List<String> keys = keys(late, morning("2025-06-16"));
        assertFalse(keys.contains("before:14@2025-06-30"), "due 6/10, before the dispatch: " + keys);
        assertTrue(keys.contains("before:7@2025-06-30"), keys.toString());
    }

    @Test
    void chaserAfterThirtyCalendarDaysWithoutFeedbackThenEveryThirty() {
        PlannedReminder first = find(planner.plan(inProgress(), morning("2025-06-18"), CN), "chaser:2025-05-19:1");
        assertEquals(d("2025-06-18"), first.dueOn());
        assertEquals(d("2025-07-18"), first.expiresOn());
        assertEquals(EnumSet.of(Recipient.LEAD), first.recipients());
        List<PlannedReminder> later = planner.plan(inProgress(), morning("2025-07-18"), CN);
        assertTrue(find(later, "chaser:2025-05-19:2").dueBy(d("2025-07-18")));
        assertTrue(later.stream().noneMatch(r -> r.occurrenceKey().equals("chaser:2025-05-19:1")));
    }

    @Test
    void newFeedbackRestartsTheChaserAndAWeekendDueDayMovesToMonday() {
        TaskSnapshot fed = inProgress().withFeedback(60, at("2025-06-20T16:00"));
        List<String> keys = keys(fed, morning("2025-06-21"));
        assertFalse(keys.contains("chaser:2025-05-19:1"));
        PlannedReminder next = find(planner.plan(fed, morning("2025-06-21"), CN), "chaser:2025-06-20:1");
        assertEquals(d("2025-07-21"), next.dueOn(), "6/20 + 30 days is Sunday 7/20");
    }

    @Test
    void feedbackDayIsTheBeijingDay() {
        TaskSnapshot t = inProgress().withFeedback(40, Instant.parse("2025-05-19T17:00:00Z")); // 01:00 on 5/20
        assertTrue(keys(t, morning("2025-05-21")).contains("chaser:2025-05-20:1"));
    }

    @Test
    void acknowledgedTaskWithoutFeedbackIsChasedFromItsDispatchDay() {
        TaskSnapshot ack = Tasks.dispatched().withState(TaskState.ACKNOWLEDGED);
        PlannedReminder c = find(planner.plan(ack, morning("2025-06-05"), CN), "chaser:2025-05-06:1");
        assertEquals(d("2025-06-05"), c.dueOn());
        assertFalse(keys(Tasks.dispatched(), morning("2025-06-05")).stream().anyMatch(k -> k.startsWith("chaser")),
                "DISPATCHED (not acknowledged) is not chased by default");
    }

    @Test
    void eventNoticesAreKeyedByTheEvent() {
        PlannedReminder n = planner.notice(inProgress(), ReminderRule.RETURNED, "evt-42",
                Instant.parse("2025-06-01T17:30:00Z"));
        assertEquals("event:evt-42", n.occurrenceKey());
        assertEquals(d("2025-06-02"), n.dueOn(), "01:30 in Beijing");
        assertEquals(EnumSet.of(Recipient.LEAD, Recipient.CO), n.recipients());
        assertEquals("t-1|RETURNED|event:evt-42", n.identity());
        assertThrows(IllegalArgumentException.class,
                () -> planner.notice(inProgress(), ReminderRule.CHASER, "evt-43", Instant.EPOCH));
    }

    @Test
    void aDistrictPolicyReplacesTheDefaults() {
        ReminderPolicy siming = new ReminderPolicy("siming", List.of(5), false, 0, 0, 0, 0, Set.of(),
                Map.of(ReminderRule.BEFORE_DEADLINE, EnumSet.of(Recipient.LEAD)), QuietHours.defaults(),
                QuietHours.CHINA);
        ReminderPolicies policies = new ReminderPolicies(List.of(siming));
        assertEquals(siming, policies.forDistrict("siming"));
        assertEquals(ReminderPolicy.defaults("licheng"), policies.forDistrict("licheng"));
        TaskSnapshot t = new TaskSnapshot("t-9", "siming", "wp", null, null, TaskState.IN_PROGRESS, "x",
                List.of("y"), d("2025-06-30"), false, 10, null, d("2025-05-06"), null, 1);
        List<PlannedReminder> plan = new ReminderPlanner(siming).plan(t, morning("2025-05-20"), CN);
        assertEquals(1, plan.size(), plan.toString());
        assertEquals("before:5@2025-06-30", plan.get(0).occurrenceKey());
        assertEquals(null, plan.get(0).expiresOn(), "the last of its series never goes stale");
        assertEquals(EnumSet.of(Recipient.LEAD), plan.get(0).recipients());
        assertThrows(IllegalArgumentException.class, () -> planner.plan(t, morning("2025-05-20"), CN));
        assertThrows(IllegalArgumentException.class, () -> new ReminderPolicy("x", List.of(7, 7), true, 3, 5, 30,
                30, Set.of(), Map.of(), QuietHours.defaults(), QuietHours.CHINA));
    }

    /**
     * A whole life, planned every morning as the scheduler would, sending what is due and not yet sent: every
     * reminder goes out once, on its day, and nothing after the task is closed.
     */
    @Test
    void aTaskLifePlannedEveryMorningSendsEachReminderOnceOnItsDay() {
        Map<LocalDate, Function<TaskSnapshot, TaskSnapshot>> events = Map.of(
                d("2025-05-08"), t -> t.withState(TaskState.ACKNOWLEDGED),
                d("2025-05-19"), t -> t.withState(TaskState.IN_PROGRESS)
                        .withFeedback(30, at("2025-05-19T10:00")),
                d("2025-07-15"), t -> t.withClosedOn(d("2025-07-15")));
        Map<String, LocalDate> sent = simulate(events, Set.of());
        Map<String, LocalDate> expected = new LinkedHashMap<>();
        expected.put("BEFORE_DEADLINE before:14@2025-06-30", d("2025-06-10"));
        expected.put("CHASER chaser:2025-05-19:1", d("2025-06-18"));
        expected.put("BEFORE_DEADLINE before:7@2025-06-30", d("2025-06-19"));
        expected.put("BEFORE_DEADLINE before:1@2025-06-30", d("2025-06-27"));
        expected.put("ON_DEADLINE on-day@2025-06-30", d("2025-06-30"));
        expected.put("AFTER_DEADLINE after:1@2025-06-30", d("2025-07-03"));
        expected.put("ESCALATION escalation@2025-06-30", d("2025-07-07"));
        expected.put("AFTER_DEADLINE after:2@2025-06-30", d("2025-07-08"));
        expected.put("AFTER_DEADLINE after:3@2025-06-30", d("2025-07-11"));
        assertEquals(expected, sent);
    }

    @Test
    void aMissedDayIsCaughtUpWhileStillValidAndDroppedOnceStale() {
        Map<LocalDate, Function<TaskSnapshot, TaskSnapshot>> events = Map.of(
                d("2025-05-19"), t -> t.withState(TaskState.IN_PROGRESS)
                        .withFeedback(30, at("2025-05-19T10:00")),
                d("2025-06-20"), t -> t.withFeedback(50, at("2025-06-20T10:00")),
                d("2025-07-01"), t -> t.withClosedOn(d("2025-07-01")));
        // down 6/10–6/12 (before:14 is caught up on 6/13) and 6/18–6/27 (before:7 went stale on 6/27)
        Set<LocalDate> down = new java.util.HashSet<>();
        d("2025-06-10").datesUntil(d("2025-06-13")).forEach(down::add);
        d("2025-06-18").datesUntil(d("2025-06-28")).forEach(down::add);
        Map<String, LocalDate> sent = simulate(events, down);
        assertEquals(d("2025-06-13"), sent.get("BEFORE_DEADLINE before:14@2025-06-30"));
        assertFalse(sent.containsKey("BEFORE_DEADLINE before:7@2025-06-30"), sent.toString());
        assertEquals(d("2025-06-28"), sent.get("BEFORE_DEADLINE before:1@2025-06-30"));
        assertEquals(d("2025-06-30"), sent.get("ON_DEADLINE on-day@2025-06-30"));
        assertFalse(sent.containsKey("CHASER chaser:2025-05-19:1"), "feedback on 6/20 came before the service did");
    }

    /** Runs the scheduler every day from 5/6 to 8/31 at 09:00, applying the day's event first. */
    private Map<String, LocalDate> simulate(Map<LocalDate, Function<TaskSnapshot, TaskSnapshot>> events,
                                            Set<LocalDate> down) {
        TaskSnapshot task = Tasks.dispatched();
        Map<String, LocalDate> sent = new LinkedHashMap<>();
        for (LocalDate day = d("2025-05-06"); day.isBefore(d("2025-09-01")); day = day.plusDays(1)) {
            task = events.getOrDefault(day, Function.identity()).apply(task);
            if (down.contains(day)) {
                continue;
            }
            List<PlannedReminder> plan = planner.plan(task, morning(day.toString()), CN);
            assertEquals(plan.size(), plan.stream().map(PlannedReminder::identity).distinct().count(),
                    "one identity per planned reminder: " + plan);
            for (PlannedReminder r : plan) {
                if (r.dueBy(day)) {
                    sent.putIfAbsent(r.rule() + " " + r.occurrenceKey(), day); // the sent log: once per identity
                }
            }
        }
        return sent;
    }
}
