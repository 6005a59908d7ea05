package rol.platform.lights;

import org.junit.jupiter.api.Test;
import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.platform.lights.T.at;
import static rol.platform.lights.T.d;
import static rol.platform.lights.T.task;
import static rol.platform.lights.T.withClosedOn;
import static rol.platform.lights.T.withDeadline;
import static rol.platform.lights.T.withFeedback;

class TrafficLightRulesTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private final TrafficLightRules rules = TrafficLightRules.defaults();

    private LightReason reason(LightInput t, String today) {
        return rules.light(t, LocalDate.parse(today), CN).reason();
    }

    @Test
    void overdueIsRedEvenWhenSubmitted() {
        LightVerdict v = rules.light(task(TaskState.IN_PROGRESS, 90), d("2025-07-03"), CN);
        assertEquals(Optional.of(TrafficLight.RED), v.light());
        assertEquals(LightReason.OVERDUE, v.reason());
        assertTrue(v.explanation().contains("3 working days overdue"), v.explanation());
        assertEquals(LightReason.OVERDUE, reason(task(TaskState.SUBMITTED, 100), "2025-07-01"));
        assertEquals(LightReason.ON_TRACK, reason(task(TaskState.IN_PROGRESS, 90), "2025-06-30"),
                "the deadline day itself is not overdue");
    }

    @Test
    void nearTheDeadlineAndBehindTheTimeShareIsYellow() {
        // 6/20: 45 of 55 days elapsed, 81% expected, 10 points tolerated
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, reason(task(TaskState.IN_PROGRESS, 70), "2025-06-20"));
        assertEquals(LightReason.ON_TRACK, reason(task(TaskState.IN_PROGRESS, 71), "2025-06-20"));
        assertEquals(81, rules.expectedPercent(task(TaskState.IN_PROGRESS, 0), d("2025-06-20")));
    }

    @Test
    void behindButFarFromTheDeadlineStaysGreen() {
        // 6/13 is 11 working days before 6/30: not near with the default 10
        assertEquals(LightReason.ON_TRACK, reason(task(TaskState.IN_PROGRESS, 0), "2025-06-13"));
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, reason(task(TaskState.IN_PROGRESS, 0), "2025-06-16"));
    }

    @Test
    void withoutADispatchDayANearTaskIsExpectedToBeAlmostDone() {
        LightInput t = new LightInput(TaskState.IN_PROGRESS, d("2025-06-30"), 85, at("2025-06-20T10:00"), null, null);
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, reason(t, "2025-06-25"));
        assertEquals(LightReason.ON_TRACK, reason(withFeedback(t, 90, at("2025-06-24T10:00")), "2025-06-25"));
    }

    @Test
    void thirtyDaysWithoutFeedbackIsYellow() {
        LightInput t = withDeadline(task(TaskState.IN_PROGRESS, 50), d("2025-12-31"));
        assertEquals(LightReason.ON_TRACK, reason(t, "2025-07-19"));
        assertEquals(LightReason.NO_FEEDBACK, reason(t, "2025-07-20"));
        LightInput neverReported = new LightInput(TaskState.ACKNOWLEDGED, null, 0, null, d("2025-05-06"), null);
        assertEquals(LightReason.NO_FEEDBACK, reason(neverReported, "2025-06-05"), "counted from the dispatch");
        assertEquals(LightReason.ON_TRACK, reason(neverReported, "2025-06-04"));
    }

    @Test
    void draftsAndFinishedTasksHaveNoLight() {
        assertEquals(Optional.empty(), rules.light(task(TaskState.DRAFT, 0), d("2025-07-09"), CN).light());
        assertEquals(LightReason.CANCELLED, reason(task(TaskState.CANCELLED, 0), "2025-07-09"));
        LightInput closed = task(TaskState.IN_PROGRESS, 100);
        assertEquals(LightReason.CLOSED_ON_TIME, reason(withClosedOn(closed, d("2025-06-30")), "2025-07-09"));
        assertEquals(LightReason.CLOSED_LATE, reason(withClosedOn(closed, d("2025-07-01")), "2025-07-09"));
        assertEquals(LightReason.CLOSED_LATE, reason(withClosedOn(closed, null), "2025-07-09"), "unknown day");
        assertEquals(LightReason.CLOSED_ON_TIME,
                reason(withClosedOn(withDeadline(closed, null), d("2025-07-01")), "2025-07-09"), "no deadline");
        for (LightReason r : new LightReason[]{LightReason.CLOSED_ON_TIME, LightReason.CLOSED_LATE,
                LightReason.CANCELLED, LightReason.NOT_DISPATCHED}) {
            assertEquals(null, r.light());
        }
    }

    @Test
    void rulesAreConfigurable() {
        TrafficLightRules strict = new TrafficLightRules(20, 7, 0, 0.0, 0.0, ZoneId.of("Asia/Shanghai"));
        LightInput t = task(TaskState.IN_PROGRESS, 30);
        assertEquals(LightReason.NO_FEEDBACK, strict.light(withFeedback(t, 100, at("2025-06-20T10:00")),
                d("2025-06-27"), CN).reason(), "7 days without feedback");
        assertEquals(LightReason.BEHIND_NEAR_DEADLINE, strict.light(t, d("2025-06-03"), CN).reason(),
                "20 working days is near; 30% < 50% expected with no tolerance");
        assertEquals(LightReason.ON_TRACK, rules.light(t, d("2025-06-03"), CN).reason());
        assertThrows(IllegalArgumentException.class,
                () -> new TrafficLightRules(10, 30, 10, 1.0, 0.0, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aDistrictOverridesOnlyWhatItNames() {
        TrafficLightRules district = rules.overriddenBy(OptionalInt.of(20), OptionalInt.empty(), OptionalInt.of(0),
                Optional.empty(), Optional.of(0.5));
        assertEquals(new TrafficLightRules(20, 30, 0, 0.0, 0.5, rules.zone()), district);
        assertEquals(rules, rules.overriddenBy(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> rules.overriddenBy(OptionalInt.of(-1), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty()), "an override is checked like the rest");
    }

    @Test
    void aScopeShowsItsWorstTaskByDefaultOrAConfiguredShare() {
        assertEquals(Optional.empty(), rules.scopeLight(0, 0, 0));
        assertEquals(Optional.of(TrafficLight.GREEN), rules.scopeLight(9, 0, 0));
        assertEquals(Optional.of(TrafficLight.YELLOW), rules.scopeLight(9, 1, 0));
        assertEquals(Optional.of(TrafficLight.RED), rules.scopeLight(98, 1, 1));
        TrafficLightRules lenient = new TrafficLightRules(10, 30, 10, 0.2, 0.3, ZoneId.of("Asia/Shanghai"));
        assertEquals(Optional.of(TrafficLight.GREEN), lenient.scopeLight(7, 2, 1));
        assertEquals(Optional.of(TrafficLight.YELLOW), lenient.scopeLight(6, 2, 2));
        assertEquals(Optional.of(TrafficLight.RED), lenient.scopeLight(6, 1, 3));
    }
}
