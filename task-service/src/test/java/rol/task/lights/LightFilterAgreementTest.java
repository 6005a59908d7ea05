package rol.task.lights;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.LightReason;
import rol.platform.lights.TrafficLight;
import rol.platform.quarkus.MovableClock;
import rol.task.calendar.CalendarStore;
import rol.task.plan.Task;
import rol.task.workflow.TaskState;
import rol.testsupport.StackResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.task.lifecycle.TaskFixture.draft;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task list's light filter in SQL ({@link LightFilter}) and the rule in Java ({@code TrafficLightRules}) pick
 * the same tasks: every combination of state, deadline, progress, dispatch and last feedback around the rule's
 * boundaries (overdue, the near window in working days across 中秋 and 国庆, the share of time elapsed, days
 * without feedback at midnight in the rule's zone, closed and cancelled tasks), in a district with the default
 * thresholds and in two with their own.
 */
@QuarkusTest
@TestProfile(LightFilterAgreementTest.DistrictRules.class)
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class LightFilterAgreementTest {

    /** Two districts with thresholds of their own; every other district keeps the defaults (10, 30, 10). */
    public static class DistrictRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rollup.districts.siming.near-deadline-working-days", "3",
                    "rollup.districts.siming.max-days-without-feedback", "0",
                    "rollup.districts.siming.progress-tolerance-percent", "0",
                    "rollup.districts.gulou.near-deadline-working-days", "0",
                    "rollup.districts.gulou.max-days-without-feedback", "5");
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Wednesday before 中秋 (25–27 September) and 国庆 (1–7 October, 10 October worked). */
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 23);
    private static final List<String> DISTRICTS = List.of("licheng", "siming", "gulou");

    @Inject
    MovableClock clock;

    @Inject
    TaskLights lights;

    @Inject
    CalendarStore calendars;

    private UUID report;
    private UUID workPlan;

    /** A published report's work plan for the cases' tasks; the tasks are inserted as the rule's inputs require. */
    @BeforeEach
    void today() {
        clock.set(TODAY.atTime(10, 0).atZone(ZONE).toInstant());
        Task draft = QuarkusTransaction.requiringNew().call(() -> Task.<Task>findById(UUID.fromString(draft())));
        report = draft.reportId;
        workPlan = draft.workPlanId;
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> Task.delete("reportId = ?1 and planItemId like 'case-%'", report));
    }

    @Test
    void theNearWindowCountsWorkingDaysOfTheCalendarAndFeedbackDaysBeginInTheZone() {
        // ten working days from Wednesday 23 September: 24, 28, 29, 30 September, 8, 9, 10 (worked), 12, 13, 14 October
        assertEquals(LocalDate.of(2026, 10, 14), calendars.current().plusWorkingDays(TODAY, 10));
        OffsetDateTime dispatched = at(TODAY.minusDays(100), 9, 0);
        Map<String, Row> named = new HashMap<>();
        named.put("near, behind", new Row("licheng", TaskState.IN_PROGRESS, LocalDate.of(2026, 10, 14), 0,
                dispatched, at(TODAY.minusDays(1), 9, 0), null));
        named.put("a day past the near window", new Row("licheng", TaskState.IN_PROGRESS,
                LocalDate.of(2026, 10, 15), 0, dispatched, at(TODAY.minusDays(1), 9, 0), null));
        named.put("last feedback 30 days ago at 00:30 here", new Row("licheng", TaskState.IN_PROGRESS,
                TODAY.plusDays(200), 50, dispatched, at(TODAY.minusDays(30), 0, 30), null));
        named.put("last feedback 29 days ago at 00:30 here (30 days ago in UTC)", new Row("licheng",
                TaskState.IN_PROGRESS, TODAY.plusDays(200), 50, dispatched, at(TODAY.minusDays(29), 0, 30), null));
        named.put("deadline today", new Row("licheng", TaskState.SUBMITTED, TODAY, 0, dispatched, null, null));
        named.put("deadline yesterday", new Row("licheng", TaskState.SUBMITTED, TODAY.minusDays(1), 100, dispatched,
                null, null));
        Map<String, UUID> ids = insert(named);
        Map<TrafficLight, Set<UUID>> sql = bySql(report);
        assertEquals(Set.of(ids.get("near, behind"), ids.get("last feedback 30 days ago at 00:30 here")),
                sql.get(TrafficLight.YELLOW));
        assertEquals(Set.of(ids.get("a day past the near window"), ids.get("deadline today"),
                ids.get("last feedback 29 days ago at 00:30 here (30 days ago in UTC)")), sql.get(TrafficLight.GREEN));
        assertEquals(Set.of(ids.get("deadline yesterday")), sql.get(TrafficLight.RED));
    }

    @Test
    void sqlAndTheJavaRuleAgreeOnEveryCase() {
        WorkingCalendar calendar = calendars.current();
        Map<String, Row> cases = new HashMap<>();
        Map<String, Integer> near = Map.of("licheng", 10, "siming", 3, "gulou", 0);
        Map<String, Integer> silence = Map.of("licheng", 30, "siming", 30, "gulou", 5);
        for (String district : DISTRICTS) {
            for (TaskState state : TaskState.values()) {
                // the rule looks only at the state of drafts and finished tasks (and at the closing day)
                boolean open = state != TaskState.DRAFT && !state.terminal();
                for (LocalDate deadline : deadlines(calendar.plusWorkingDays(TODAY, near.get(district)))) {
                    for (int percent : open ? new int[]{0, 95} : new int[]{50}) {
                        for (OffsetDateTime dispatched : open ? dispatches(deadline) : List.of(at(TODAY.minusDays(100), 12, 0))) {
                            for (OffsetDateTime feedback : open ? feedbacks(silence.get(district)) : List.<OffsetDateTime>of()) {
                                cases.put(cases.size() + "", new Row(district, state, deadline, percent, dispatched,
                                        feedback, null));
                            }
                            if (!open) {
                                cases.put(cases.size() + "", new Row(district, state, deadline, percent, dispatched,
                                        null, state == TaskState.CLOSED ? at(TODAY, 9, 0) : null));
                            }
                        }
                    }
                }
            }
        }
        cases.putAll(percentBoundaries());
        Map<String, UUID> ids = insert(cases);

        Map<TrafficLight, Set<UUID>> java = new HashMap<>();
        Set<LightReason> reasons = EnumSet.noneOf(LightReason.class);
        QuarkusTransaction.requiringNew().run(() -> Task.<Task>list("reportId", report).forEach(t -> {
            LightReason reason = lights.verdict(t, TODAY).reason();
            reasons.add(reason);
            if (reason.light() != null) {
                java.computeIfAbsent(reason.light(), l -> new TreeSet<>()).add(t.id);
            }
        }));
        assertEquals(EnumSet.allOf(LightReason.class), reasons, "the cases reach every branch of the rule");
        assertEquals(ids.size(), cases.size());

        Map<TrafficLight, Set<UUID>> sql = bySql(report);
        for (TrafficLight light : TrafficLight.values()) {
            Set<UUID> onlyJava = new TreeSet<>(java.getOrDefault(light, Set.of()));
            onlyJava.removeAll(sql.get(light));
            Set<UUID> onlySql = new TreeSet<>(sql.get(light));
            onlySql.removeAll(java.getOrDefault(light, Set.of()));
            assertTrue(onlyJava.isEmpty() && onlySql.isEmpty(), light + ": only Java " + describe(onlyJava, ids, cases)
                    + ", only SQL " + describe(onlySql, ids, cases));
        }
        // several lights at once are their union
        Set<UUID> redOrGreen = new TreeSet<>(sql.get(TrafficLight.RED));
        redOrGreen.addAll(sql.get(TrafficLight.GREEN));
        assertEquals(redOrGreen, select(report, EnumSet.of(TrafficLight.RED, TrafficLight.GREEN)));
    }

    /** Percent just behind and just within the tolerance, for a task half-way between dispatch and deadline. */
    private static Map<String, Row> percentBoundaries() {
        Map<String, Row> rows = new HashMap<>();
        LocalDate deadline = TODAY.plusDays(2);
        OffsetDateTime dispatched = at(TODAY.minusDays(2), 8, 0);  // 50% of the time gone
        for (String district : DISTRICTS) {
            for (int percent = 35; percent <= 55; percent++) {
                rows.put(district + " " + percent + "% half-way", new Row(district, TaskState.IN_PROGRESS, deadline,
                        percent, dispatched, at(TODAY.minusDays(1), 8, 0), null));
            }
        }
        return rows;
    }

    /** None, yesterday, today, tomorrow, the last day of the near window and the day after, far away. */
    private static List<LocalDate> deadlines(LocalDate nearUntil) {
        List<LocalDate> days = new ArrayList<>();
        days.add(null);
        for (int n : new int[]{-1, 0, 1, 60}) {
            days.add(TODAY.plusDays(n));
        }
        days.add(nearUntil);
        days.add(nearUntil.plusDays(1));
        return days;
    }

    /** Unknown, long ago, either side of midnight here, in the future, on the deadline day. */
    private static List<OffsetDateTime> dispatches(LocalDate deadline) {
        List<OffsetDateTime> at = new ArrayList<>();
        at.add(null);
        at.add(at(TODAY.minusDays(100), 12, 0));
        at.add(at(TODAY.minusDays(1), 23, 30));
        at.add(at(TODAY, 0, 30));
        at.add(at(TODAY.plusDays(1), 9, 0));
        if (deadline != null) {
            at.add(at(deadline, 9, 0));
        }
        return at;
    }

    /** Never, on the last silent day and the day after (at 00:30 here, the day before in UTC), and yesterday. */
    private static List<OffsetDateTime> feedbacks(int maxDays) {
        List<OffsetDateTime> at = new ArrayList<>();
        at.add(null);
        at.add(at(TODAY.minusDays(maxDays), 0, 30));
        at.add(at(TODAY.minusDays(maxDays - 1), 0, 30));
        at.add(at(TODAY.minusDays(1), 15, 0));
        return at;
    }

    private Map<TrafficLight, Set<UUID>> bySql(UUID report) {
        Map<TrafficLight, Set<UUID>> out = new HashMap<>();
        for (TrafficLight light : TrafficLight.values()) {
            out.put(light, select(report, EnumSet.of(light)));
        }
        return out;
    }

    private Set<UUID> select(UUID report, Set<TrafficLight> wanted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LightFilter.Clause clause = lights.filter(wanted);
            Map<String, Object> params = new HashMap<>(clause.params());
            params.put("report", report);
            return Task.<Task>find("reportId = :report and " + clause.hql(), params).stream()
                    .map(t -> t.id).collect(Collectors.toCollection(TreeSet::new));
        });
    }

    /** One task as the rule sees it. */
    private record Row(String district, TaskState state, LocalDate deadline, int percent, OffsetDateTime dispatchedAt,
                       OffsetDateTime lastFeedbackAt, OffsetDateTime closedAt) {
    }

    private Map<String, UUID> insert(Map<String, Row> rows) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, UUID> ids = new HashMap<>();
            OffsetDateTime now = OffsetDateTime.now();
            rows.forEach((name, r) -> {
                Task t = new Task();
                t.id = UUID.randomUUID();
                t.district = r.district();
                t.workPlanId = workPlan;
                t.reportId = report;
                t.planItemId = "case-" + ids.size();
                t.title = "红黄绿灯筛选用例";
                t.text = name;
                t.state = r.state();
                t.leadDepartment = r.state() == TaskState.DRAFT ? null : "judicial-bureau";
                t.deadline = r.deadline();
                t.percent = r.percent();
                t.dispatchedAt = r.state() == TaskState.DRAFT ? null : r.dispatchedAt();
                t.lastFeedbackAt = r.lastFeedbackAt();
                t.closedAt = r.closedAt();
                t.createdAt = now;
                t.updatedAt = now;
                t.persist();
                ids.put(name, t.id);
            });
            return ids;
        });
    }

    private static String describe(Set<UUID> which, Map<String, UUID> ids, Map<String, Row> cases) {
        return ids.entrySet().stream().filter(e -> which.contains(e.getValue())).limit(5)
                .map(e -> cases.get(e.getKey()).toString()).toList().toString();
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }
}
