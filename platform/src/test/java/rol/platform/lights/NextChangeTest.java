package rol.platform.lights;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.platform.lights.T.at;
import static rol.platform.lights.T.d;
import static rol.platform.lights.T.task;
import static rol.platform.lights.T.withFeedback;
import static rol.platform.lights.T.withState;

/** The day a light changes with time alone, so that a store re-evaluates only the tasks due that day. */
class NextChangeTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private static final TrafficLightRules RULES = TrafficLightRules.defaults();

    @Test
    void aGreenTaskTurnsRedTheDayAfterItsDeadline() {
        LightInput t = task(TaskState.SUBMITTED, 100);
        assertEquals(Optional.of(d("2025-07-01")), RULES.nextChange(t, d("2025-06-20"), CN));
        assertEquals(Optional.empty(), RULES.nextChange(t, d("2025-07-01"), CN), "red stays red");
        assertEquals(Optional.empty(), RULES.nextChange(withState(t, TaskState.CLOSED), d("2025-06-20"), CN));
        assertEquals(Optional.empty(), RULES.nextChange(task(TaskState.DRAFT, 0), d("2025-06-20"), CN));
    }

    @Test
    void silenceAndFallingBehindComeBeforeTheDeadline() {
        // fed back 2025-06-20, 90% done: silent for 30 days on 07-20, long after the deadline: next change is red
        LightInput ahead = task(TaskState.IN_PROGRESS, 90);
        assertEquals(Optional.of(d("2025-07-01")), RULES.nextChange(ahead, d("2025-06-01"), CN));
        // 20% done on 05-20: behind once the deadline is within 10 working days (06-16: 41/55 = 74% expected)
        LightInput behind = withFeedback(task(TaskState.IN_PROGRESS, 20), 20, at("2025-05-20T10:00"));
        LocalDate yellow = RULES.nextChange(behind, d("2025-05-21"), CN).orElseThrow();
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, RULES.light(behind, yellow, CN).reason());
        assertEquals(LightReason.ON_TRACK, RULES.light(behind, yellow.minusDays(1), CN).reason());
    }

    @Test
    void theNextChangeIsTheFirstDayTheVerdictDiffersOverRandomTasks() {
        Random random = new Random(7);
        TaskState[] states = TaskState.values();
        for (int i = 0; i < 1000; i++) {
            LocalDate today = d("2025-01-01").plusDays(random.nextInt(700));
            LocalDate dispatched = random.nextInt(5) == 0 ? null : today.minusDays(random.nextInt(120));
            LocalDate deadline = random.nextInt(6) == 0 ? null : today.plusDays(random.nextInt(160) - 30);
            LightInput t = new LightInput(states[random.nextInt(states.length)], deadline, random.nextInt(101),
                    random.nextBoolean() ? null : at(today.minusDays(random.nextInt(60)) + "T23:30"), dispatched,
                    null);
            TrafficLightRules rules = random.nextBoolean() ? RULES
                    : new TrafficLightRules(random.nextInt(15), random.nextInt(40), random.nextInt(30), 0, 0,
                    RULES.zone());
            assertEquals(bruteForce(rules, t, today), rules.nextChange(t, today, CN), t + " on " + today);
        }
    }

    private static Optional<LocalDate> bruteForce(TrafficLightRules rules, LightInput t, LocalDate today) {
        LightReason now = rules.light(t, today, CN).reason();
        for (LocalDate d = today.plusDays(1); d.isBefore(today.plusDays(400)); d = d.plusDays(1)) {
            if (rules.light(t, d, CN).reason() != now) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
