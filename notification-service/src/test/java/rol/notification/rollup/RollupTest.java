package rol.notification.rollup;

import org.junit.jupiter.api.Test;
import rol.notification.policy.TaskSnapshot;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.notification.rollup.T.at;
import static rol.notification.rollup.T.d;
import static rol.notification.rollup.T.task;

class RollupTest {

    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private static final LocalDate TODAY = d("2025-07-09");
    private static final TrafficLightRules RULES = TrafficLightRules.defaults();

    @Test
    void countsFollowTheDocumentedDefinitions() {
        List<TaskSnapshot> tasks = List.of(
                task("1", "sfj", TaskState.IN_PROGRESS, 40),                          // overdue, red
                task("2", "sfj", TaskState.IN_PROGRESS, 60).withDeadline(d("2025-12-31")), // green
                task("3", "sfj", TaskState.IN_PROGRESS, 90).withClosedOn(d("2025-06-30")),  // closed on time
                task("4", "sfj", TaskState.IN_PROGRESS, 90).withClosedOn(d("2025-07-02")),  // closed late
                task("5", "sfj", TaskState.CANCELLED, 10),
                task("6", "sfj", TaskState.DRAFT, 0));
        Rollup r = Rollup.recount(tasks, TODAY, CN, RULES);
        ScopeTotals sfj = r.totals(new ScopeKey("licheng", ScopeKind.DEPARTMENT, "sfj")).orElseThrow();
        assertEquals(6, sfj.tasks());
        assertEquals(2, sfj.count(TaskState.IN_PROGRESS));
        assertEquals(2, sfj.count(TaskState.CLOSED));
        assertEquals(Map.of(TaskState.IN_PROGRESS, 2L, TaskState.CLOSED, 2L, TaskState.CANCELLED, 1L,
                TaskState.DRAFT, 1L), sfj.byState());
        assertEquals(4, sfj.supervised());
        assertEquals(0.5, sfj.completionRate().orElseThrow(), 1e-9);
        assertEquals(0.5, sfj.onTimeRate().orElseThrow(), 1e-9);
        assertEquals(1, sfj.overdue());
        assertEquals((40 + 60 + 100 + 100) / 4.0, sfj.averagePercent().orElseThrow(), 1e-9, "closed counts 100");
        assertEquals(Map.of(TrafficLight.RED, 1L, TrafficLight.GREEN, 1L), sfj.lights());
        assertEquals(TrafficLight.RED, sfj.light(RULES).orElseThrow());
        assertEquals(sfj, r.totals(ScopeKey.district("licheng")).orElseThrow(), "one department: same counts");
        assertEquals(sfj, r.totals(new ScopeKey("licheng", ScopeKind.PLAN_YEAR, "2025")).orElseThrow());
        assertEquals(sfj, r.totals(new ScopeKey("licheng", ScopeKind.ISSUER, "鲤城区司法局")).orElseThrow());
        assertEquals(sfj, r.totals(new ScopeKey("licheng", ScopeKind.WORK_PLAN, "wp-1")).orElseThrow());
        assertEquals(5, r.totals().size());
    }

    @Test
    void emptyScopesDisappearAndRatesAreEmptyWithoutABase() {
        Rollup r = new Rollup(TODAY, CN, RULES);
        TaskSnapshot draft = task("1", "sfj", TaskState.DRAFT, 0);
        r.apply(null, draft);
        ScopeTotals t = r.totals(ScopeKey.district("licheng")).orElseThrow();
        assertTrue(t.completionRate().isEmpty());
        assertTrue(t.onTimeRate().isEmpty());
        assertTrue(t.averagePercent().isEmpty());
        assertTrue(t.light(RULES).isEmpty());
        TaskSnapshot moved = draft.withDispatch("gaj", List.of(), d("2025-12-31"), d("2025-07-01"));
        r.apply(draft, moved);
        assertTrue(r.totals(new ScopeKey("licheng", ScopeKind.DEPARTMENT, "sfj")).isEmpty(), "sfj lost its task");
        r.apply(moved, null);
        assertEquals(Map.of(), r.totals());
    }

    @Test
    void applyingFromASnapshotNeverCountedIsAnError() {
        Rollup r = new Rollup(TODAY, CN, RULES);
        assertThrows(IllegalStateException.class,
                () -> r.apply(task("1", "sfj", TaskState.IN_PROGRESS, 10), task("1", "sfj", TaskState.IN_PROGRESS, 20)));
        assertThrows(IllegalArgumentException.class,
                () -> r.apply(task("1", "sfj", TaskState.DRAFT, 0), task("2", "sfj", TaskState.DRAFT, 0)));
    }

    @Test
    void incrementalCountingEqualsARecountOverARandomHistory() {
        Random random = new Random(42);
        String[] departments = {"sfj", "gaj", "jyj", "wjw", "zjj"};
        String[] plans = {"wp-1", "wp-2", "wp-3"};
        String[] issuers = {"鲤城区司法局", "鲤城区人民政府", null};
        Integer[] years = {2024, 2025, null};
        Map<String, TaskSnapshot> current = new HashMap<>();
        Rollup incremental = new Rollup(TODAY, CN, RULES);
        for (int step = 0; step < 5000; step++) {
            String id = "t-" + random.nextInt(60);
            TaskSnapshot old = current.get(id);
            TaskSnapshot next;
            if (old == null) {
                next = new TaskSnapshot(id, random.nextInt(8) == 0 ? "siming" : "licheng",
                        plans[random.nextInt(plans.length)], issuers[random.nextInt(issuers.length)],
                        years[random.nextInt(years.length)], TaskState.DRAFT, null, List.of(), null, false, 0, null, null,
                        null, 1);
            } else {
                next = change(old, random, departments);
            }
            incremental.apply(old, next);
            if (next == null) {
                current.remove(id);
            } else {
                current.put(id, next);
            }
            if (step % 50 == 0) {
                assertEquals(Rollup.recount(current.values(), TODAY, CN, RULES).totals(), incremental.totals(),
                        "after step " + step);
            }
        }
        assertEquals(Rollup.recount(current.values(), TODAY, CN, RULES).totals(), incremental.totals());
        // the history reached every kind of contribution
        ScopeTotals all = incremental.totals().entrySet().stream()
                .filter(e -> e.getKey().kind() == ScopeKind.DISTRICT && e.getKey().value().equals("licheng"))
                .findFirst().orElseThrow().getValue();
        assertTrue(all.closed() > 0 && all.closedOnTime() > 0 && all.closed() > all.closedOnTime(), all.toString());
        assertTrue(all.overdue() > 0 && all.count(TrafficLight.YELLOW) + all.count(TrafficLight.GREEN) > 0,
                all.toString());
    }

    private static TaskSnapshot change(TaskSnapshot t, Random random, String[] departments) {
        LocalDate deadline = TODAY.plusDays(random.nextInt(90) - 45);
        Instant feedback = at(TODAY.minusDays(random.nextInt(50)) + "T10:00");
        switch (random.nextInt(9)) {
            case 0:
                return t.withDispatch(departments[random.nextInt(departments.length)],
                        List.of(departments[random.nextInt(departments.length)]), deadline,
                        TODAY.minusDays(60 + random.nextInt(30)));
            case 1:
                return t.withState(TaskState.ACKNOWLEDGED);
            case 2:
                return t.withState(TaskState.IN_PROGRESS).withFeedback(random.nextInt(101), feedback);
            case 3:
                return t.withState(random.nextBoolean() ? TaskState.SUBMITTED : TaskState.RETURNED);
            case 4:
                return t.withClosedOn(random.nextInt(5) == 0 ? null : TODAY.minusDays(random.nextInt(40)));
            case 5:
                return t.withState(TaskState.CANCELLED);
            case 6:
                return t.withDeadline(random.nextInt(6) == 0 ? null : deadline);
            case 7:
                return random.nextInt(4) == 0 ? null : t.withFeedback(random.nextInt(101), feedback);
            default:
                return t.withDispatch(departments[random.nextInt(departments.length)], t.coDepartments(),
                        t.deadline(), t.dispatchedOn());
        }
    }

    @Test
    void unitsAddUpToARecount() {
        List<TaskSnapshot> tasks = List.of(task("1", "sfj", TaskState.IN_PROGRESS, 40),
                task("2", "sfj", TaskState.IN_PROGRESS, 60).withDeadline(d("2025-12-31")),
                task("3", "sfj", TaskState.IN_PROGRESS, 90).withClosedOn(d("2025-06-30")),
                task("4", "sfj", TaskState.DRAFT, 0));
        ScopeTotals sum = ScopeTotals.ZERO;
        for (TaskSnapshot t : tasks) {
            sum = sum.plus(Rollup.unit(t, RULES.light(t.lightInput(), TODAY, CN).light().orElse(null)), +1);
        }
        assertEquals(Rollup.recount(tasks, TODAY, CN, RULES).totals(ScopeKey.district("licheng")).orElseThrow(), sum);
        ScopeTotals back = sum;
        for (TaskSnapshot t : tasks) {
            back = back.plus(Rollup.unit(t, RULES.light(t.lightInput(), TODAY, CN).light().orElse(null)), -1);
        }
        assertTrue(back.isZero());
    }
}
