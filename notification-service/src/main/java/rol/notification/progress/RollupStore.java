package rol.notification.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import rol.notification.policy.TaskSnapshot;
import rol.notification.rollup.ScopeKind;
import rol.notification.rollup.ScopeTotals;
import rol.platform.event.Topics;
import rol.platform.event.rollup.RollupUpdatedV1;
import rol.platform.lights.LightReason;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.quarkus.OutboxWriter;

import java.util.OptionalDouble;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tables {@code task_light} and {@code rollup_scope}, on the connection of the caller's transaction. Every change
 * of a row's counters is announced once per transaction, with the row's final counters, as
 * {@code rollup.updated.v1} written to the outbox just before commit.
 */
@ApplicationScoped
public class RollupStore {

    /** The counter columns, in the order of {@link #values} and {@link #totals}. */
    private static final List<String> COUNTERS = counters();
    private static final String COLUMN_LIST = String.join(", ", COUNTERS);
    private static final String UPSERT = "insert into rollup_scope (district, kind, scope_id, plan_year, "
            + COLUMN_LIST + ", updated_at) values (?, ?, ?, ?, "
            + COUNTERS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ", ?)"
            + " on conflict (district, kind, scope_id, plan_year) do update set %s, updated_at = excluded.updated_at"
            + " returning " + COLUMN_LIST;
    private static final String ADD = UPSERT.formatted(
            COUNTERS.stream().map(c -> c + " = rollup_scope." + c + " + excluded." + c).collect(Collectors.joining(", ")));
    private static final String SET = UPSERT.formatted(
            COUNTERS.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
    private static final Object PENDING = RollupStore.class.getName() + ".pending";

    @Inject
    DataSource dataSource;

    @Inject
    OutboxWriter outbox;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    LightRules rules;

    @Inject
    Clock clock;

    private static List<String> counters() {
        List<String> c = new ArrayList<>();
        c.add("tasks");
        for (TaskState s : TaskState.values()) {
            c.add(s.name().toLowerCase());
        }
        c.addAll(List.of("supervised", "closed_on_time", "overdue", "percent_sum"));
        for (TrafficLight l : TrafficLight.values()) {
            c.add(l.name().toLowerCase());
        }
        return List.copyOf(c);
    }

    /** A task's light as last counted. */
    public record StoredLight(LightReason reason, LocalDate countedOn, LocalDate nextChange) {
        public TrafficLight light() {
            return reason.light();
        }
    }

    public Optional<StoredLight> light(String taskId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select reason, counted_on, next_change_on from task_light where task_id = ?")) {
            q.setObject(1, UUID.fromString(taskId));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new StoredLight(LightReason.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the light of task " + taskId, e);
        }
    }

    public void saveLights(Map<String, LightRules.Evaluation> evaluations, LocalDate today) {
        if (evaluations.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement("""
                insert into task_light (task_id, reason, light, counted_on, next_change_on) values (?, ?, ?, ?, ?)
                on conflict (task_id) do update set reason = excluded.reason, light = excluded.light,
                    counted_on = excluded.counted_on, next_change_on = excluded.next_change_on""")) {
            for (Map.Entry<String, LightRules.Evaluation> e : new TreeMap<>(evaluations).entrySet()) {
                u.setObject(1, UUID.fromString(e.getKey()));
                u.setString(2, e.getValue().reason().name());
                u.setString(3, e.getValue().light() == null ? null : e.getValue().light().name());
                u.setObject(4, today);
                u.setObject(5, e.getValue().nextChange().orElse(null));
                u.addBatch();
            }
            u.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing task lights", e);
        }
    }

    /** Adds the deltas to their rows (in key order, so that writers lock rows in one order). */
    public void add(SortedMap<RowKey, ScopeTotals> deltas) {
        write(ADD, deltas);
    }

    /** Overwrites the rows with the given counters (reconciliation). */
    public void set(SortedMap<RowKey, ScopeTotals> rows) {
        write(SET, rows);
    }

    private void write(String sql, SortedMap<RowKey, ScopeTotals> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<RowKey, ScopeTotals> pending = pending();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            for (Map.Entry<RowKey, ScopeTotals> e : rows.entrySet()) {
                RowKey k = e.getKey();
                u.setString(1, k.district());
                u.setString(2, k.scope().kind().name());
                u.setString(3, k.scopeId());
                u.setInt(4, k.year());
                long[] v = values(e.getValue());
                for (int i = 0; i < v.length; i++) {
                    u.setLong(5 + i, v[i]);
                }
                u.setObject(5 + v.length, now);
                try (ResultSet rs = u.executeQuery()) {
                    rs.next();
                    pending.put(k, totals(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("updating rollups", e);
        }
    }

    /**
     * The rows of one scope kind in a district, of one plan year (0 = none) or, with {@code year} null, summed over
     * the plan years (keyed with year 0); optionally of one scope id. Empty rows are left out.
     */
    public SortedMap<RowKey, ScopeTotals> rows(String district, Scope scope, Integer year, String scopeId) {
        String select = year != null ? "select scope_id, plan_year, " + COLUMN_LIST
                : "select scope_id, 0, " + COUNTERS.stream().map(c -> "sum(" + c + ")::bigint")
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(select + " from rollup_scope where district = ? and kind = ?"
                + " and tasks <> 0");
        List<Object> args = new ArrayList<>(List.of(district, scope.kind().name()));
        if (year != null) {
            sql.append(" and plan_year = ?");
            args.add(year);
        }
        if (scopeId != null) {
            sql.append(" and scope_id = ?");
            args.add(scopeId);
        }
        if (year == null) {
            sql.append(" group by scope_id");
        }
        SortedMap<RowKey, ScopeTotals> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(new RowKey(district, scope, rs.getString(1), rs.getInt(2)), totals(rs, 3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading rollups", e);
        }
        return out;
    }

    /** Every row, empty ones included (reconciliation). */
    public SortedMap<RowKey, ScopeTotals> all() {
        SortedMap<RowKey, ScopeTotals> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select district, kind, scope_id, plan_year, " + COLUMN_LIST + " from rollup_scope")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Scope scope = Scope.of(ScopeKind.valueOf(rs.getString(2))).orElseThrow();
                    out.put(new RowKey(rs.getString(1), scope, rs.getString(3), rs.getInt(4)), totals(rs, 5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading rollups", e);
        }
        return out;
    }

    private static long[] values(ScopeTotals t) {
        List<Long> v = new ArrayList<>();
        v.add(t.tasks());
        for (TaskState s : TaskState.values()) {
            v.add(t.count(s));
        }
        v.addAll(List.of(t.supervised(), t.closedOnTime(), t.overdue(), t.percentSum()));
        for (TrafficLight l : TrafficLight.values()) {
            v.add(t.count(l));
        }
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    private static ScopeTotals totals(ResultSet rs, int first) throws SQLException {
        int i = first;
        long tasks = rs.getLong(i++);
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        for (TaskState s : TaskState.values()) {
            byState.put(s, rs.getLong(i++));
        }
        long supervised = rs.getLong(i++);
        long closedOnTime = rs.getLong(i++);
        long overdue = rs.getLong(i++);
        long percentSum = rs.getLong(i++);
        Map<TrafficLight, Long> lights = new EnumMap<>(TrafficLight.class);
        for (TrafficLight l : TrafficLight.values()) {
            lights.put(l, rs.getLong(i++));
        }
        return new ScopeTotals(tasks, byState, supervised, byState.get(TaskState.CLOSED), closedOnTime,
                overdue, percentSum, lights);
    }

    /**
     * The rows changed in the current transaction with their newest counters; at the first change a synchronisation
     * is registered that writes one event per row just before commit (nothing on rollback).
     */
    @SuppressWarnings("unchecked")
    private Map<RowKey, ScopeTotals> pending() {
        Map<RowKey, ScopeTotals> pending = (Map<RowKey, ScopeTotals>) registry.getResource(PENDING);
        if (pending == null) {
            Map<RowKey, ScopeTotals> created = new LinkedHashMap<>();
            registry.putResource(PENDING, created);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    announce(created);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: the events were written with the change or rolled back with it
                }
            });
            pending = created;
        }
        return pending;
    }

    private void announce(Map<RowKey, ScopeTotals> rows) {
        LocalDate asOf = rules.today();
        new TreeMap<>(rows).forEach((k, t) -> outbox.append(Topics.ROLLUP_EVENTS, RollupUpdatedV1.TYPE,
                k.eventKey(), event(k, t, asOf)));
    }

    RollupUpdatedV1 event(RowKey k, ScopeTotals t, LocalDate asOf) {
        return new RollupUpdatedV1(k.district(), k.scope().word(), k.scopeId(), k.yearOrNull(), asOf, t.tasks(),
                names(t.byState()), t.supervised(), t.closed(), t.closedOnTime(), t.overdue(), t.percentSum(),
                boxed(t.completionRate()), boxed(t.onTimeRate()), boxed(t.averagePercent()), names(t.lights()),
                rules.scopeLight(k.district(), t).map(Enum::name).orElse(null));
    }

    static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    static <E extends Enum<E>> Map<String, Long> names(Map<E, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
