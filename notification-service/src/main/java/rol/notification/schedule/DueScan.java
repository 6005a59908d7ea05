package rol.notification.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.notification.clock.TimeDrivenJob;
import rol.platform.event.EventJson;
import rol.platform.event.task.TaskV1;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends what is due: claims pending rows whose time has come ({@code FOR UPDATE SKIP LOCKED}, so replicas and
 * overlapping runs share the work without sending anything twice), turns each into notices and marks it sent in the
 * same transaction. Batch after batch until nothing is due.
 */
@ApplicationScoped
public class DueScan implements TimeDrivenJob {

    /** What one run did. {@code claimed} rows = sent + postponed + expired + withdrawn. */
    public record Run(int claimed, int sent, int notices, int postponed, int expired, int withdrawn) {
        Run plus(Run o) {
            return new Run(claimed + o.claimed, sent + o.sent, notices + o.notices, postponed + o.postponed,
                    expired + o.expired, withdrawn + o.withdrawn);
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ReminderDelivery delivery;

    @Inject
    ReminderSchedule schedule;

    @ConfigProperty(name = "notification.schedule.batch-size")
    int batchSize;

    @Scheduled(identity = "reminder-due-scan", every = "${notification.schedule.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDue();
    }

    public Run runDue() {
        Run total = new Run(0, 0, 0, 0, 0, 0);
        Run batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::batch);
            total = total.plus(batch);
        } while (batch.claimed() > 0);
        return total;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Map<String, Object> runNow() {
        Run r = runDue();
        return Map.of("sent", r.sent(), "notices", r.notices(), "postponed", r.postponed(), "expired", r.expired(),
                "withdrawn", r.withdrawn());
    }

    private Run batch() throws SQLException {
        Instant now = clock.instant();
        int sent = 0, notices = 0, postponed = 0, expired = 0, withdrawn = 0;
        try (Connection c = dataSource.getConnection()) {
            var due = ScheduleStore.claimDue(c, now, batchSize);
            Set<String> ids = new LinkedHashSet<>();
            due.forEach(r -> ids.add(r.taskId()));
            Map<String, TaskV1> tasks = tasks(c, ids);
            for (ScheduledReminder r : due) {
                TaskV1 task = tasks.get(r.taskId());
                if (task == null) { // not in the read model (cannot happen through TaskChanged): nobody to tell
                    ScheduleStore.finish(c, r.id(), "WITHDRAWN", now);
                    withdrawn++;
                    continue;
                }
                ReminderDelivery.Processed p = delivery.process(c, r, task, now);
                switch (p.outcome()) {
                    case SENT -> {
                        sent++;
                        notices += p.notices();
                    }
                    case POSTPONED -> postponed++;
                    case EXPIRED -> expired++;
                }
            }
            for (TaskV1 task : tasks.values()) {
                schedule.extend(c, task, now);
            }
            return new Run(due.size(), sent, notices, postponed, expired, withdrawn);
        }
    }

    private static Map<String, TaskV1> tasks(Connection c, Set<String> ids) throws SQLException {
        Map<String, TaskV1> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select cast(snapshot as text) from task_view where task_id = any (?) and snapshot is not null")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TaskV1 t = EventJson.read(rs.getString(1), TaskV1.class);
                    out.put(t.taskId(), t);
                }
            }
        }
        return out;
    }
}
