package rol.notification.progress;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.policy.TaskSnapshot;
import rol.notification.readmodel.TaskEventsHandler;
import rol.notification.rollup.Rollup;
import rol.notification.rollup.ScopeKey;
import rol.notification.rollup.ScopeTotals;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.EventJson;
import rol.platform.event.task.TaskV1;
import rol.platform.lights.LightReason;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incrementally kept rollups equal a recount by the pure rules at every step of a random history of task events
 * and days passing (the lights job run after each move of the clock).
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class RollupIncrementalTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CN = WorkingCalendar.chinaDefault();
    private static final TrafficLightRules RULES = TrafficLightRules.defaults();

    @Inject
    TaskEventsHandler handler;

    @Inject
    MovableClock clock;

    @Inject
    LightsJob job;

    @Inject
    RollupStore store;

    @Inject
    LightRules rules;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rollupsEqualARecountAfterEveryEventAndEveryDay() throws Exception {
        clock.set(OffsetDateTime.parse("2025-05-01T09:00:00+08:00").toInstant());
        String district = "d-" + UUID.randomUUID();
        Random random = new Random(2025);
        String[] departments = {"judicial-bureau", "market-regulation", "kaiyuan-subdistrict"};
        String[] plans = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String[] issuers = {"某区司法局", "某区人民政府", null};
        Integer[] years = {2025, 2026, null};
        Map<String, TaskV1> current = new LinkedHashMap<>();
        int reevaluated = 0;
        boolean red = false;
        boolean yellow = false;
        for (int step = 0; step < 200; step++) {
            int what = random.nextInt(10);
            if (what <= 1) {
                clock.advance(Duration.ofDays(1 + random.nextInt(9)));
                reevaluated += job.reevaluate();
            } else if (current.size() < 20 && (current.isEmpty() || what == 2)) {
                TaskV1 t = TaskFeed.draft(district, plans[random.nextInt(2)], issuers[random.nextInt(3)],
                        years[random.nextInt(3)]);
                TaskFeed.apply(handler, t, clock);
                current.put(t.taskId(), t);
            } else {
                List<TaskV1> all = new ArrayList<>(current.values());
                TaskV1 t = all.get(random.nextInt(all.size()));
                TaskV1 next = change(t, random, departments, OffsetDateTime.now(clock).atZoneSameInstant(SHANGHAI)
                        .toOffsetDateTime());
                TaskFeed.apply(handler, next, clock);
                if (random.nextInt(6) == 0) {
                    TaskFeed.apply(handler, t, clock); // a late, older snapshot changes nothing
                }
                current.put(next.taskId(), next);
            }
            assertMatchesRecount(district, current, "step " + step);
            ScopeTotals now = recount(stored(district), rules.today()).totals(ScopeKey.district(district))
                    .orElse(ScopeTotals.ZERO);
            red |= now.count(TrafficLight.RED) > 0;
            yellow |= now.count(TrafficLight.YELLOW) > 0;
        }
        assertTrue(reevaluated > 0, "days passing changed some lights");
        ScopeTotals all = recount(stored(district), rules.today()).totals(ScopeKey.district(district)).orElseThrow();
        assertTrue(red && yellow && all.closed() > all.closedOnTime(), "the history reached red, yellow and late: "
                + all);
    }

    private static TaskV1 change(TaskV1 t, Random random, String[] departments, OffsetDateTime now) {
        return switch (t.state()) {
            case "DRAFT" -> random.nextInt(8) == 0 ? TaskFeed.state(t, "CANCELLED")
                    : TaskFeed.dispatched(t, departments[random.nextInt(departments.length)],
                    now.toLocalDate().plusDays(5 + random.nextInt(45)), now);
            case "CLOSED", "CANCELLED" -> TaskFeed.with(t, t.state(), t.leadDepartment(), t.deadline(), t.percent(),
                    t.lastFeedbackAt(), t.dispatchedAt(), t.closedAt()); // a later change that changes nothing
            default -> switch (random.nextInt(7)) {
                case 0 -> TaskFeed.state(t, "ACKNOWLEDGED");
                case 1, 2 -> TaskFeed.progress(t, random.nextInt(101), now);
                case 3 -> TaskFeed.state(t, random.nextBoolean() ? "SUBMITTED" : "RETURNED");
                case 4 -> TaskFeed.closed(t, now);
                case 5 -> TaskFeed.with(t, t.state(), t.leadDepartment(),
                        t.deadline() == null ? null : t.deadline().plusDays(random.nextInt(40)), t.percent(),
                        t.lastFeedbackAt(), t.dispatchedAt(), t.closedAt()); // extension approved
                default -> random.nextInt(10) == 0 ? TaskFeed.state(t, "CANCELLED")
                        : TaskFeed.with(t, t.state(), departments[random.nextInt(departments.length)], t.deadline(),
                        t.percent(), t.lastFeedbackAt(), t.dispatchedAt(), t.closedAt()); // lead changed
            };
        };
    }

    private void assertMatchesRecount(String district, Map<String, TaskV1> tasks, String when) throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        assertEquals(today, rules.today());
        List<TaskSnapshot> snapshots = stored(district);
        assertEquals(tasks.size(), snapshots.size(), when);
        for (Integer year : new Integer[]{2025, 2026, null}) {
            Rollup expected = recount(snapshots.stream().filter(s -> java.util.Objects.equals(s.planYear(), year))
                    .toList(), today);
            for (Scope scope : Scope.values()) {
                SortedMap<String, ScopeTotals> want = new TreeMap<>();
                expected.totals(district, scope.kind()).forEach((k, v) -> want.put(k.value(), v));
                SortedMap<String, ScopeTotals> got = new TreeMap<>();
                store.rows(district, scope, year == null ? 0 : year, null).forEach((k, v) -> got.put(k.scopeId(), v));
                assertEquals(want, got, when + ", " + scope + " " + year + " on " + today);
            }
        }
        Map<String, String> lights = lights(district);
        for (TaskSnapshot s : snapshots) {
            LightReason want = RULES.light(s.lightInput(), today, CN).reason();
            assertEquals(want.name(), lights.get(s.taskId()), when + ": light of " + s);
        }
    }

    private static Rollup recount(java.util.Collection<TaskSnapshot> tasks, LocalDate today) {
        return Rollup.recount(tasks, today, CN, RULES);
    }

    /** The snapshots the read model holds (the test's own copies lack the times the clock gave them). */
    private List<TaskSnapshot> stored(String district) throws Exception {
        List<TaskSnapshot> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select cast(snapshot as text) from task_view where district = ?")) {
            q.setString(1, district);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rules.snapshot(EventJson.read(rs.getString(1), TaskV1.class)));
                }
            }
        }
        return out;
    }

    private Map<String, String> lights(String district) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select cast(l.task_id as text), l.reason from task_light l join task_view v using (task_id)"
                        + " where v.district = ?")) {
            q.setString(1, district);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
