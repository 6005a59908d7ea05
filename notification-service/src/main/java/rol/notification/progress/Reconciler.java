package rol.notification.progress;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.notification.policy.TaskSnapshot;
import rol.notification.rollup.Rollup;
import rol.notification.rollup.ScopeTotals;
import rol.platform.lights.LightReason;

import java.util.Objects;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recounts every rollup row and every task light from {@code task_view} as of today and compares them with what the
 * incremental updates stored; what differs is reported and repaired (stored := recounted, one
 * {@code rollup.updated.v1} per repaired row). Task events and the lights job wait while it runs.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** How many differing tasks the report names; all of them are repaired. */
    static final int TASK_SAMPLES = 20;

    /** A task whose stored light is not the recounted one; {@code stored} null when it had none. */
    public record TaskDifference(String taskId, String stored, String recounted) {
    }

    /** A row whose stored counters are not the recounted ones (an absent row counts as zero). */
    public record ScopeDifference(RowKey row, ScopeTotals stored, ScopeTotals recounted) {
    }

    public record Result(LocalDate asOf, long tasks, int scopes, long taskDifferences, List<TaskDifference> taskSamples,
                         List<ScopeDifference> scopeDifferences) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    LightRules rules;

    @Inject
    RollupStore store;

    @Inject
    TaskRows taskRows;

    @Inject
    LightsJob lightsJob;

    public Result reconcile() {
        // lights due today first, so that a job not yet run today does not show up as differences
        lightsJob.reevaluate();
        Result result = QuarkusTransaction.requiringNew().timeout(1800).call(this::recountAndRepair);
        if (result.taskDifferences() > 0 || !result.scopeDifferences().isEmpty()) {
            LOG.warnf("rollup reconciliation repaired %d task lights and %d scope rows", result.taskDifferences(),
                    result.scopeDifferences().size());
        }
        return result;
    }

    private Result recountAndRepair() throws SQLException {
        LocalDate today = rules.today();
        SortedMap<RowKey, ScopeTotals> recounted = new TreeMap<>();
        Map<String, LightRules.Evaluation> repairs = new HashMap<>();
        List<TaskDifference> samples = new ArrayList<>();
        long tasks = 0;
        try (Connection c = dataSource.getConnection()) {
            try (Statement lock = c.createStatement()) {
                // task events and the lights job wait; reads of the rollups go on
                lock.execute("lock table task_view in share mode");
                lock.execute("lock table task_light, rollup_scope in exclusive mode");
            }
            try (PreparedStatement q = c.prepareStatement("select " + TaskRows.COLUMNS
                    + ", l.reason, l.counted_on, l.next_change_on from task_view v left join task_light l using (task_id)")) {
                q.setFetchSize(5000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        tasks++;
                        TaskSnapshot t = taskRows.snapshot(rs);
                        LightRules.Evaluation e = rules.evaluate(t, today);
                        ScopeTotals unit = Rollup.unit(t, e.light());
                        for (RowKey k : RowKey.of(t)) {
                            recounted.merge(k, unit, (a, b) -> a.plus(b, +1));
                        }
                        String stored = rs.getString(TaskRows.COLUMN_COUNT + 1);
                        LocalDate next = rs.getObject(TaskRows.COLUMN_COUNT + 3, LocalDate.class);
                        if (stored == null || LightReason.valueOf(stored) != e.reason()
                                || !Objects.equals(next, e.nextChange().orElse(null))) {
                            repairs.put(t.taskId(), e);
                            if (samples.size() < TASK_SAMPLES) {
                                samples.add(new TaskDifference(t.taskId(), stored, e.reason().name()));
                            }
                        }
                    }
                }
            }
        }
        SortedMap<RowKey, ScopeTotals> stored = store.all();
        SortedMap<RowKey, ScopeTotals> fixes = new TreeMap<>();
        List<ScopeDifference> differences = new ArrayList<>();
        TreeSet<RowKey> keys = new TreeSet<>(stored.keySet());
        keys.addAll(recounted.keySet());
        for (RowKey k : keys) {
            ScopeTotals s = stored.getOrDefault(k, ScopeTotals.ZERO);
            ScopeTotals r = recounted.getOrDefault(k, ScopeTotals.ZERO);
            if (!s.equals(r)) {
                differences.add(new ScopeDifference(k, s, r));
                fixes.put(k, r);
            }
        }
        store.set(fixes);
        store.saveLights(repairs, today);
        return new Result(today, tasks, recounted.size(), repairs.size(), samples, differences);
    }
}
