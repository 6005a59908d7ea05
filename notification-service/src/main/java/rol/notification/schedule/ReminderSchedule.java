package rol.notification.schedule;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import rol.notification.policy.PlannedReminder;
import rol.notification.policy.ReminderPlanner;
import rol.notification.policy.ReminderPolicy;
import rol.notification.policy.ReminderRule;
import rol.notification.policy.ScheduleDiff;
import rol.notification.policy.TaskSnapshot;
import rol.notification.readmodel.TaskChanged;
import rol.notification.readmodel.TaskSnapshots;
import rol.notification.calendar.StoredCalendar;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;
import rol.platform.event.task.TaskDispatchedV1;
import rol.platform.event.task.TaskExtensionDecidedV1;
import rol.platform.event.task.TaskReturnedV1;
import rol.platform.event.task.TaskV1;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps {@code reminder_schedule} in step with the read model: every applied task change re-plans the task in the
 * same transaction (one read of its rows, then only the writes the difference needs), and the events that call for a notice (dispatched, returned, extension decided) store one,
 * sent at once unless quiet hours hold it for the due scan.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Map<String, ReminderRule> NOTICE_RULES = Map.of(
            TaskDispatchedV1.TYPE, ReminderRule.DISPATCHED,
            TaskReturnedV1.TYPE, ReminderRule.RETURNED,
            TaskExtensionDecidedV1.TYPE, ReminderRule.EXTENSION_DECIDED);

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Policies policies;

    @Inject
    StoredCalendar calendars;

    @Inject
    ReminderDelivery delivery;

    private UncoveredYears uncoveredYears;

    @PostConstruct
    void init() {
        uncoveredYears = new UncoveredYears(calendars::current);
    }

    void onTaskChanged(@Observes TaskChanged change) {
        TaskV1 task = change.current();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            replan(c, task, now);
            ReminderRule rule = NOTICE_RULES.get(change.eventType());
            if (rule != null) {
                notice(c, change, rule, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not schedule the reminders of task " + task.taskId(), e);
        }
    }

    /** Writes only what the new plan changes: most events (a progress report) leave it as it was. */
    private void replan(Connection c, TaskV1 task, Instant now) throws SQLException {
        ScheduleDiff diff = ScheduleDiff.of(plan(task, now), ScheduleStore.stored(c, task.taskId()));
        ScheduleStore.SendTimes times = sendTimes(task.district());
        if (!diff.inserts().isEmpty()) {
            // on conflict do nothing: the due scan's extend may have inserted the same occurrence meanwhile
            ScheduleStore.insertMissing(c, task.district(), diff.inserts(), times, now);
        }
        if (!diff.updates().isEmpty()) {
            ScheduleStore.replan(c, diff.updates(), times, now);
        }
        if (!diff.withdrawals().isEmpty()) {
            ScheduleStore.withdraw(c, diff.withdrawals(), now);
        }
    }

    /** Adds the occurrences that time has brought into the plan (the next of an endless series); the scan's part. */
    void extend(Connection c, TaskV1 task, Instant now) throws SQLException {
        ScheduleStore.insertMissing(c, task.district(), plan(task, now), sendTimes(task.district()), now);
    }

    private List<PlannedReminder> plan(TaskV1 task, Instant now) {
        ReminderPlanner planner = policies.planner(task.district());
        LocalDate today = LocalDate.ofInstant(now, planner.policy().zone());
        for (LocalDate day : new LocalDate[] {today, task.deadline()}) {
            if (uncoveredYears.firstMissing(day)) {
                Log.warnf("the working-day calendar has no holidays for %d (first needed by task %s): reminders"
                        + " count weekends only for that year until the office enters its holidays (/api/calendar);"
                        + " not repeated for further tasks", day.getYear(), task.taskId());
            }
        }
        return planner.plan(TaskSnapshots.of(task, planner.policy().zone()), now, calendars.current());
    }

    private void notice(Connection c, TaskChanged change, ReminderRule rule, Instant now) throws SQLException {
        TaskV1 task = change.current();
        ReminderPolicy policy = policies.forDistrict(task.district());
        TaskSnapshot snapshot = TaskSnapshots.of(task, policy.zone());
        // TaskChanged names no event id; the task version is unique per change, so it identifies the event as well
        PlannedReminder notice = new ReminderPlanner(policy).notice(snapshot, rule, "v" + task.version(),
                change.eventTime());
        Map<String, Object> context = new HashMap<>();
        if (rule == ReminderRule.EXTENSION_DECIDED) {
            // the event says what was decided (the snapshot before may be missing or stale, so not inferred from it)
            if (change.data() == null || !change.data().path("approved").isBoolean()) {
                throw new MalformedEventException(change.eventType() + " without approved");
            }
            TaskExtensionDecidedV1 decided = EventJson.convert(change.data(), TaskExtensionDecidedV1.class);
            context.put("approved", decided.approved());
            if (decided.approved() && decided.previousDeadline() != null) {
                context.put("previousDeadline", decided.previousDeadline().toString());
            }
        }
        Instant sendAfter = policy.quietHours().earliestSend(notice.dueOn(), now);
        Optional<ScheduledReminder> row = ScheduleStore.insertNotice(c, task.district(), notice, context, sendAfter,
                now);
        if (row.isPresent() && !sendAfter.isAfter(now)) {
            delivery.process(c, row.get(), task, now);
        }
    }

    private ScheduleStore.SendTimes sendTimes(String district) {
        ReminderPolicy policy = policies.forDistrict(district);
        return (dueOn, now) -> policy.quietHours().earliestSend(dueOn, now);
    }
}
