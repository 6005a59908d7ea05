package rol.notification.rollup;

import org.junit.jupiter.api.Test;
import rol.notification.calendar.WorkingCalendar;
import rol.notification.policy.TaskSnapshot;
import rol.notification.policy.TaskSnapshot.State;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.rollup.T.at;
import static rol.notification.rollup.T.d;
import static rol.notification.rollup.T.task;

/** The day a light changes with time alone, so that a store re-evaluates only the tasks due that day. */
class NextChangeTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private static final TrafficLightRules RULES = TrafficLightRules.defaults();

    @Test
    void aGreenTaskTurnsRedTheDayAfterItsDeadline() {
        TaskSnapshot t = task("1", "sfj", State.SUBMITTED, 100);
        assertEquals(Optional.of(d("2025-07-01")), RULES.nextChange(t, d("2025-06-20"), CN));
        assertEquals(Optional.empty(), RULES.nextChange(t, d("2025-07-01"), CN), "red stays red");
        assertEquals(Optional.empty(), RULES.nextChange(t.withState(State.CLOSED), d("2025-06-20"), CN));
        assertEquals(Optional.empty(), RULES.nextChange(task("2", "sfj", State.DRAFT, 0), d("2025-06-20"), CN));
    }

    @Test
    void silenceAndFallingBehindComeBeforeTheDeadline() {
        // fed back 2025-06-20, 90% done: silent for 30 days on 07-20, long after the deadline: next change is red
        TaskSnapshot ahead = task("1", "sfj", State.IN_PROGRESS, 90);
        assertEquals(Optional.of(d("2025-07-01")), RULES.nextChange(ahead, d("2025-06-01"), CN));
        // 20% done on 05-20: behind once the deadline is within 10 working days (06-16: 41/55 = 74% expected)
        TaskSnapshot behind = task("2", "sfj", State.IN_PROGRESS, 20).withFeedback(20, at("2025-05-20T10:00"));
        LocalDate yellow = RULES.nextChange(behind, d("2025-05-21"), CN).orElseThrow();
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, RULES.light(behind, yellow, CN).reason());
        assertEquals(LightReason.ON_TRACK, RULES.light(behind, yellow.minusDays(1), CN).reason());
    }

    @Test
    void theNextChangeIsTheFirstDayTheVerdictDiffersOverRandomTasks() {
        Random random = new Random(7);
        State[] states = State.values();
        for (int i = 0; i < 1000; i++) {
            LocalDate today = d("2025-01-01").plusDays(random.nextInt(700));
            LocalDate dispatched = random.nextInt(5) == 0 ? null : today.minusDays(random.nextInt(120));
            LocalDate deadline = random.nextInt(6) == 0 ? null : today.plusDays(random.nextInt(160) - 30);
            TaskSnapshot t = new TaskSnapshot("t" + i, "licheng", "wp", null, 2025,
                    states[random.nextInt(states.length)], "sfj", List.of(), deadline, false, random.nextInt(101),
                    random.nextBoolean() ? null : at(today.minusDays(random.nextInt(60)) + "T23:30"), dispatched,
                    null, 1);
            TrafficLightRules rules = random.nextBoolean() ? RULES
                    : new TrafficLightRules(random.nextInt(15), random.nextInt(40), random.nextInt(30), 0, 0,
                    RULES.zone());
            assertEquals(bruteForce(rules, t, today), rules.nextChange(t, today, CN), t + " on " + today);
        }
    }

    private static Optional<LocalDate> bruteForce(TrafficLightRules rules, TaskSnapshot t, LocalDate today) {
        LightReason now = rules.light(t, today, CN).reason();
        for (LocalDate d = today.plusDays(1); d.isBefore(today.plusDays(400)); d = d.plusDays(1)) {
            if (rules.light(t, d, CN).reason() != now) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    @Test
    void unitsAddUpToARecount() {
        LocalDate today = d("2025-07-09");
        List<TaskSnapshot> tasks = List.of(task("1", "sfj", State.IN_PROGRESS, 40),
                task("2", "sfj", State.IN_PROGRESS, 60).withDeadline(d("2025-12-31")),
                task("3", "sfj", State.IN_PROGRESS, 90).withClosedOn(d("2025-06-30")),
                task("4", "sfj", State.DRAFT, 0));
        ScopeTotals sum = ScopeTotals.ZERO;
        for (TaskSnapshot t : tasks) {
            sum = sum.plus(Rollup.unit(t, RULES.light(t, today, CN).light().orElse(null)), +1);
        }
        assertEquals(Rollup.recount(tasks, today, CN, RULES).totals(ScopeKey.district("licheng")).orElseThrow(), sum);
        ScopeTotals back = sum;
        for (TaskSnapshot t : tasks) {
            back = back.plus(Rollup.unit(t, RULES.light(t, today, CN).light().orElse(null)), -1);
        }
        assertTrue(back.isZero());
    }
}
