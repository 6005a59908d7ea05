package rol.notification.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.NoticeRecorder;
import rol.notification.TaskEvents;
import rol.notification.readmodel.TaskChanged;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.task.TaskClosedV1;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskExtensionDecidedV1;
import rol.platform.event.task.TaskProgressReportedV1;
import rol.platform.event.task.TaskReturnedV1;
import rol.platform.event.task.TaskSubmittedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persisted schedule: planned from each applied task change, sent by the due scan once per (task, rule,
 * occurrence) and recipient, withdrawn by deadline changes and closing, held back by quiet hours.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ReminderScheduleTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    @Inject
    MovableClock clock;

    @Inject
    TaskEvents events;

    @Inject
    DueScan scan;

    /** The bundled 2026: no test publishes a calendar for it. */
    private final WorkingCalendar calendar = WorkingCalendar.chinaDefault();

    @Inject
    NoticeRecorder recorder;

    @Inject
    Event<TaskChanged> changes;

    @Inject
    DataSource dataSource;

    @Inject
    ReminderDelivery delivery;

    @Inject
    ReminderSchedule schedule;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return OffsetDateTime.of(day, LocalTime.of(hour, minute), TaskEvents.CHINA).toInstant();
    }

    @Test
    void remindersGoOutOnceEachAndAnOverdueTaskEscalates() {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        TaskV1 task = events.dispatched("推进行政执法案卷评查全覆盖", DEADLINE);
        String id = task.taskId();
        events.apply(TaskDispatchedV1.TYPE, task);

        assertEquals(List.of("DISPATCHED DEPARTMENT judicial-bureau", "DISPATCHED DEPARTMENT market-regulation"),
                events.notices(id), "the dispatch notice goes out at once to the lead and co-departments");
        LocalDate before14 = calendar.plusWorkingDays(DEADLINE, -14);
        LocalDate escalation = calendar.plusWorkingDays(DEADLINE, 5);
        assertEquals(List.of(
                "AFTER_DEADLINE after:1@2026-06-30 PENDING " + calendar.plusWorkingDays(DEADLINE, 3),
                "BEFORE_DEADLINE before:14@2026-06-30 PENDING " + before14,
                "BEFORE_DEADLINE before:1@2026-06-30 PENDING " + calendar.plusWorkingDays(DEADLINE, -1),
                "BEFORE_DEADLINE before:7@2026-06-30 PENDING " + calendar.plusWorkingDays(DEADLINE, -7),
                "DISPATCHED event:v2 SENT 2026-06-01",
                "ESCALATION escalation@2026-06-30 PENDING " + escalation,
                "ON_DEADLINE on-day@2026-06-30 PENDING 2026-06-30"), events.schedule(id));

        scan.runDue();
        assertEquals(2, events.notices(id).size(), "nothing else is due on the day of dispatch");

        clock.set(at(before14, 9, 0));
        scan.runDue();
        scan.runDue();
        assertEquals(List.of("BEFORE_DEADLINE DEPARTMENT judicial-bureau", "BEFORE_DEADLINE DEPARTMENT market-regulation",
                "DISPATCHED DEPARTMENT judicial-bureau", "DISPATCHED DEPARTMENT market-regulation"), events.notices(id));
        String text = events.texts(id, "BEFORE_DEADLINE").get(0);
        assertTrue(text.contains("推进行政执法案卷评查全覆盖") && text.contains("2026年6月30日")
                && text.contains("还有14个工作日") && text.contains("judicial-bureau"), text);

        // the same snapshot once more, by a redelivered event and by a re-plan: nothing is added
        List<String> schedule = events.schedule(id);
        events.apply(TaskDispatchedV1.TYPE, task);
        QuarkusTransaction.requiringNew().run(() -> changes.fire(
                new TaskChanged(task, task, TaskDispatchedV1.TYPE, at(LocalDate.of(2026, 6, 1), 9, 0), null)));
        scan.runDue();
        assertEquals(schedule, events.schedule(id));
        assertEquals(4, events.notices(id).size());

        // five working days overdue: the reminders in between are stale, the current "after" one and escalation go
        clock.set(at(escalation, 10, 0));
        scan.runDue();
        assertEquals(List.of("AFTER_DEADLINE DEPARTMENT judicial-bureau", "AFTER_DEADLINE DEPARTMENT market-regulation",
                "BEFORE_DEADLINE DEPARTMENT judicial-bureau", "BEFORE_DEADLINE DEPARTMENT market-regulation",
                "DISPATCHED DEPARTMENT judicial-bureau", "DISPATCHED DEPARTMENT market-regulation",
                "ESCALATION DEPARTMENT judicial-bureau", "ESCALATION OFFICE licheng"), events.notices(id));
        List<String> rows = events.schedule(id);
        assertTrue(rows.contains("BEFORE_DEADLINE before:7@2026-06-30 EXPIRED " + calendar.plusWorkingDays(DEADLINE, -7)),
                rows::toString);
        assertTrue(rows.contains("ON_DEADLINE on-day@2026-06-30 EXPIRED 2026-06-30"), rows::toString);
        assertTrue(rows.contains("AFTER_DEADLINE after:2@2026-06-30 PENDING " + calendar.plusWorkingDays(DEADLINE, 6)),
                "the scan plans the next overdue reminder: " + rows);
        String escalated = String.join("\n", events.texts(id, "ESCALATION"));
        assertTrue(escalated.contains("推进行政执法案卷评查全覆盖") && escalated.contains("2026年6月30日")
                && escalated.contains("逾期5个工作日") && escalated.contains("judicial-bureau主要负责人"), escalated);

        clock.set(at(calendar.plusWorkingDays(DEADLINE, 6), 9, 0));
        scan.runDue();
        assertEquals(4, events.notices(id).stream().filter(n -> n.startsWith("AFTER_DEADLINE")).count(),
                "after:2 went out, and only once");
    }

    @Test
    void quietHoursHoldNoticesBackUntilMorningAndDropNothing() {
        clock.set(at(LocalDate.of(2026, 6, 1), 23, 30));
        TaskV1 task = events.dispatched("夜间交办的任务", DEADLINE);
        events.apply(TaskDispatchedV1.TYPE, task);
        assertEquals(List.of(), events.notices(task.taskId()), "22:00–08:00 is quiet");

        clock.set(at(LocalDate.of(2026, 6, 1), 23, 50));
        scan.runDue();
        assertEquals(List.of(), events.notices(task.taskId()));

        clock.set(at(LocalDate.of(2026, 6, 2), 8, 1));
        scan.runDue();
        assertEquals(List.of("DISPATCHED DEPARTMENT judicial-bureau", "DISPATCHED DEPARTMENT market-regulation"),
                events.notices(task.taskId()));
    }

    @Test
    void aDistrictsConfiguredPolicyApplies() {
        clock.set(at(LocalDate.of(2026, 6, 1), 23, 30));
        TaskV1 task = events.inDistrict(events.dispatched("另一个区的任务", DEADLINE), "quiet-free");
        events.apply(TaskDispatchedV1.TYPE, task);
        assertEquals(2, events.notices(task.taskId()).size(), "quiet-free has no quiet hours");
        List<String> before = events.schedule(task.taskId()).stream().filter(r -> r.startsWith("BEFORE")).toList();
        assertEquals(List.of("BEFORE_DEADLINE before:3@2026-06-30 PENDING " + calendar.plusWorkingDays(DEADLINE, -3)),
                before, "quiet-free reminds 3 working days before only");
    }

    @Test
    void aNewDeadlineClosingAndSubmittingWithdrawWhatIsPending() {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        TaskV1 task = events.dispatched("落实重大行政决策程序规定", DEADLINE);
        String id = task.taskId();
        events.apply(TaskDispatchedV1.TYPE, task);

        LocalDate later = LocalDate.of(2026, 7, 31);
        TaskV1 extended = TaskEvents.next(task, "DISPATCHED", later);
        events.extensionDecided(extended, true, DEADLINE, later);
        List<String> rows = events.schedule(id);
        assertTrue(rows.stream().filter(r -> r.contains("@2026-06-30")).allMatch(r -> r.contains(" WITHDRAWN ")),
                rows::toString);
        assertTrue(rows.contains("BEFORE_DEADLINE before:14@2026-07-31 PENDING " + calendar.plusWorkingDays(later, -14)),
                rows::toString);
        String approved = events.texts(id, "EXTENSION_DECIDED").get(0);
        assertTrue(approved.contains("已批准") && approved.contains("由2026年6月30日调整为2026年7月31日")
                && approved.contains("落实重大行政决策程序规定") && approved.contains("judicial-bureau"), approved);

        TaskV1 rejected = TaskEvents.next(extended, "DISPATCHED", later);
        events.extensionDecided(rejected, false, null, later.plusMonths(1));
        String notApproved = events.texts(id, "EXTENSION_DECIDED").get(2);
        assertTrue(notApproved.contains("未获批准") && notApproved.contains("仍为2026年7月31日"), notApproved);

        // submitted: the office's move, so no deadline reminders; returned: they come back
        TaskV1 submitted = TaskEvents.next(rejected, "SUBMITTED", later);
        events.apply(TaskSubmittedV1.TYPE, submitted);
        assertEquals(0, pending(id));
        TaskV1 returned = TaskEvents.next(submitted, "RETURNED", later);
        events.apply(TaskReturnedV1.TYPE, returned);
        assertTrue(events.schedule(id).contains(
                "BEFORE_DEADLINE before:14@2026-07-31 PENDING " + calendar.plusWorkingDays(later, -14)));
        assertEquals(2, events.notices(id).stream().filter(n -> n.startsWith("RETURNED")).count());

        events.apply(TaskClosedV1.TYPE, TaskEvents.next(returned, "CLOSED", later));
        assertEquals(0, pending(id), "closing withdraws everything pending");
        int notices = events.notices(id).size();
        clock.set(at(calendar.plusWorkingDays(later, 5), 9, 0));
        scan.runDue();
        assertEquals(notices, events.notices(id).size(), "a closed task is reminded of nothing");
    }

    /**
     * The notice says what the event says was decided, whatever the snapshots suggest: an approval for a task this
     * service sees for the first time (no snapshot before), and a rejection arriving after a missed deadline change.
     */
    @Test
    void theExtensionNoticeTakesApprovedFromTheEvent() {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        LocalDate later = LocalDate.of(2026, 7, 31);
        TaskV1 firstSeen = TaskEvents.next(events.dispatched("健全行政裁量权基准制度", later), "IN_PROGRESS", later);
        events.extensionDecided(firstSeen, true, DEADLINE, later);
        String approved = events.texts(firstSeen.taskId(), "EXTENSION_DECIDED").get(0);
        assertTrue(approved.contains("已批准") && approved.contains("由2026年6月30日调整为2026年7月31日"), approved);

        TaskV1 task = events.dispatched("规范行政执法案卷管理", DEADLINE);
        events.apply(TaskDispatchedV1.TYPE, task);
        // the deadline moved since the last snapshot seen here (a definition change this service missed), yet the
        // office rejected the extension request
        TaskV1 moved = TaskEvents.next(TaskEvents.next(task, "DISPATCHED", later), "DISPATCHED", later);
        events.extensionDecided(moved, false, null, later.plusMonths(1));
        String rejected = events.texts(task.taskId(), "EXTENSION_DECIDED").get(0);
        assertTrue(rejected.contains("未获批准") && rejected.contains("仍为2026年7月31日"), rejected);
    }

    @Test
    void anEventThatLeavesThePlanAsItWasWritesNoRowAndADeadlineChangeOnlyTheChangedOnes() {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        TaskV1 task = events.dispatched("规范行政执法自由裁量权", DEADLINE);
        String id = task.taskId();
        events.apply(TaskDispatchedV1.TYPE, task);
        List<String> planned = versions(id);

        // a newer snapshot the planner reads the same (a progress report), a day later: every row as it was
        clock.set(at(LocalDate.of(2026, 6, 2), 9, 0));
        TaskV1 reported = TaskEvents.next(task, "DISPATCHED", DEADLINE);
        events.apply(TaskProgressReportedV1.TYPE, reported);
        assertEquals(planned, versions(id), "xmin and planned_at of every row unchanged");

        LocalDate later = LocalDate.of(2026, 7, 31);
        events.extensionDecided(TaskEvents.next(reported, "DISPATCHED", later), true, DEADLINE, later);
        List<String> rows = events.schedule(id);
        assertTrue(rows.stream().filter(r -> r.contains("@2026-06-30")).allMatch(r -> r.contains(" WITHDRAWN ")),
                rows::toString);
        assertEquals(6, rows.stream().filter(r -> r.contains("@2026-07-31 PENDING ")).count(), rows::toString);
        assertEquals(planned.stream().filter(r -> r.startsWith("DISPATCHED ")).toList(),
                versions(id).stream().filter(r -> r.startsWith("DISPATCHED ")).toList(),
                "the sent dispatch notice is not written");
        assertEquals(List.of(), events.rows("select id::text from reminder_schedule where task_id = ?::uuid"
                + " and status = 'WITHDRAWN' and done_at is null", id), "withdrawn rows say when");
    }

    /** {@code rule occurrence_key status xmin planned_at} per row: any write changes xmin. */
    private List<String> versions(String taskId) {
        return events.rows("select rule || ' ' || occurrence_key || ' ' || status || ' ' || xmin::text || ' '"
                + " || planned_at from reminder_schedule where task_id = ?::uuid order by id", taskId);
    }

    @Test
    void aTaskSilentForThirtyDaysIsChasedAndFeedbackRestartsTheCount() {
        clock.set(at(LocalDate.of(2026, 3, 2), 9, 0));
        TaskV1 task = TaskEvents.next(events.dispatched("推行包容审慎监管", LocalDate.of(2026, 12, 31)),
                "IN_PROGRESS", LocalDate.of(2026, 12, 31));
        String id = task.taskId();
        events.apply(TaskProgressReportedV1.TYPE, task);
        LocalDate chaseOn = calendar.workingDayOnOrAfter(LocalDate.of(2026, 4, 1));
        assertTrue(events.schedule(id).contains("CHASER chaser:2026-03-02:1 PENDING " + chaseOn), events.schedule(id)::toString);

        clock.set(at(chaseOn, 9, 0));
        scan.runDue();
        assertEquals(List.of("CHASER DEPARTMENT judicial-bureau"), events.notices(id), "the chaser goes to the lead only");
        String text = events.texts(id, "CHASER").get(0);
        assertTrue(text.contains("推行包容审慎监管") && text.contains("2026年3月2日") && text.contains("2026年12月31日"),
                text);

        TaskV1 reported = new TaskV1(id, task.district(), task.workPlanId(), task.reportId(), task.planItemId(),
                task.issuer(), task.planYear(), task.theme(), task.title(), "IN_PROGRESS", task.leadDepartment(),
                task.coDepartments(), task.deadline(), false, 40, OffsetDateTime.now(clock), task.dispatchedAt(), null,
                task.version() + 1);
        events.apply(TaskProgressReportedV1.TYPE, reported);
        List<String> rows = events.schedule(id);
        assertTrue(rows.stream().filter(r -> r.startsWith("CHASER chaser:2026-03-02")).noneMatch(r -> r.contains("PENDING")),
                rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("CHASER chaser:" + chaseOn + ":1 PENDING")), rows::toString);
    }

    @Test
    void twoRunnersAtOnceSendEachReminderOnce() throws Exception {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TaskV1 t = events.dispatched("并发任务" + i, DEADLINE);
            events.apply(TaskDispatchedV1.TYPE, t);
            ids.add(t.taskId());
        }
        clock.set(at(calendar.plusWorkingDays(DEADLINE, -14), 9, 0));
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<DueScan.Run> runner = () -> {
            start.await();
            return scan.runDue();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DueScan.Run> a = pool.submit(runner);
            Future<DueScan.Run> b = pool.submit(runner);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            assertEquals(List.of("BEFORE_DEADLINE DEPARTMENT judicial-bureau",
                    "BEFORE_DEADLINE DEPARTMENT market-regulation"),
                    events.notices(id).stream().filter(n -> n.startsWith("BEFORE")).toList());
            for (String n : events.rows("select id::text from notice where task_id = ?::uuid", id)) {
                assertEquals(1, recorder.times(Long.parseLong(n)), "handed to the channels once: notice " + n);
            }
        }
    }

    @Test
    void aRestartedServiceSendsNothingTwice() {
        clock.set(at(LocalDate.of(2026, 6, 1), 9, 0));
        TaskV1 task = events.dispatched("重启前后的任务", DEADLINE);
        events.apply(TaskDispatchedV1.TYPE, task);
        clock.set(at(calendar.plusWorkingDays(DEADLINE, -14), 9, 0));
        scan.runDue();
        List<String> sent = events.notices(task.taskId());

        // a fresh instance (what a restarted or second replica has): all it knows is in the database
        DueScan restarted = new DueScan();
        restarted.dataSource = dataSource;
        restarted.clock = clock;
        restarted.delivery = delivery;
        restarted.schedule = schedule;
        restarted.batchSize = 7;
        restarted.runDue();
        assertEquals(sent, events.notices(task.taskId()));

        clock.set(at(calendar.plusWorkingDays(DEADLINE, -7), 9, 0));
        restarted.runDue();
        scan.runDue();
        assertEquals(sent.size() + 2, events.notices(task.taskId()).size());
    }

    private long pending(String taskId) {
        return events.schedule(taskId).stream()
                .filter(r -> r.contains(" PENDING ") && !r.startsWith("DISPATCHED") && !r.startsWith("RETURNED")
                        && !r.startsWith("EXTENSION"))
                .count();
    }
}
