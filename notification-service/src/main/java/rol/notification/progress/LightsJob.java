package rol.notification.progress;

import rol.notification.clock.TimeDrivenJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.LightReason;
import rol.notification.rollup.ScopeTotals;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lights change when days pass without any event (a task turns red the day after its deadline). Every
 * {@code rollup.lights-job.every} this re-evaluates the tasks whose {@code next_change_on} has come, as of the
 * injected clock's today, and moves their contribution in the rollups; tests call {@link #reevaluate()} directly.
 */
@ApplicationScoped
public class LightsJob implements TimeDrivenJob {

    private static final Logger LOG = Logger.getLogger(LightsJob.class);
    static final int BATCH = 500;

    @Inject
    DataSource dataSource;

    @Inject
    LightRules rules;

    @Inject
    RollupStore store;

    @Inject
    TaskRows taskRows;

    @Override
    public String name() {
        return "lights";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Map<String, Object> runNow() {
        return Map.of("reevaluated", reevaluate());
    }

    @Scheduled(every = "${rollup.lights-job.every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int changed = reevaluate();
        if (changed > 0) {
            LOG.infof("lights job: re-evaluated %d tasks whose light was due to change", changed);
        }
    }

    /** Re-evaluates every due task, one transaction per batch; returns how many tasks it re-evaluated. */
    public int reevaluate() {
        LocalDate today = rules.today();
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> batch(today));
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int batch(LocalDate today) throws SQLException {
        Map<String, TaskSnapshot> tasks = new HashMap<>();
        Map<String, LightReason> counted = new HashMap<>();
        // rows a task event holds right now are skipped: that event re-evaluates them itself
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select " + TaskRows.COLUMNS + ", l.reason from task_light l join task_view v using (task_id)"
                        + " where l.next_change_on <= ? order by l.task_id limit ? for update of l, v skip locked")) {
            q.setObject(1, today);
            q.setInt(2, BATCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    TaskSnapshot t = taskRows.snapshot(rs);
                    tasks.put(t.taskId(), t);
                    counted.put(t.taskId(), LightReason.valueOf(rs.getString(TaskRows.COLUMN_COUNT + 1)));
                }
            }
        }
        SortedMap<RowKey, ScopeTotals> deltas = new TreeMap<>();
        Map<String, LightRules.Evaluation> evaluations = new HashMap<>();
        tasks.forEach((id, t) -> {
            LightRules.Evaluation e = rules.evaluate(t, today);
            evaluations.put(id, e);
            LightRules.delta(t, counted.get(id).light(), t, e.light())
                    .forEach((k, d) -> deltas.merge(k, d, (a, b) -> a.plus(b, +1)));
        });
        deltas.values().removeIf(ScopeTotals::isZero);
        store.add(deltas);
        store.saveLights(evaluations, today);
        return tasks.size();
    }
}
