package rol.notification.schedule;

import rol.notification.policy.PlannedReminder;
import rol.notification.policy.Recipient;
import rol.notification.policy.ReminderRule;
import rol.notification.policy.ScheduleDiff;
import rol.platform.event.EventJson;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The SQL of {@code reminder_schedule}; every method runs on the caller's (transaction's) connection. */
final class ScheduleStore {

    private static final String COLUMNS = "id, task_id, district, rule, occurrence_key, due_on, expires_on, deadline,"
            + " recipients, cast(context as text), send_after";

    /** The due query (docs/benchmarks.md measures it): pending rows whose time has come, claimed by one runner. */
    static final String CLAIM_DUE = "select " + COLUMNS + " from reminder_schedule"
            + " where status = 'PENDING' and send_after <= ? order by send_after limit ? for update skip locked";

    private ScheduleStore() {
    }

    /** The task's rows as re-planning compares them (the identity index serves it: task_id leads). */
    static List<ScheduleDiff.Stored> stored(Connection c, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, rule, occurrence_key, status, due_on, expires_on, recipients
                from reminder_schedule where task_id = ?
                """)) {
            ps.setObject(1, UUID.fromString(taskId));
            List<ScheduleDiff.Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScheduleDiff.Stored(rs.getLong(1), ReminderRule.valueOf(rs.getString(2)),
                            rs.getString(3), ScheduleDiff.Status.valueOf(rs.getString(4)),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            recipients(rs.getArray(7))));
                }
            }
            return out;
        }
    }

    /**
     * Sets rows to their newest planned occurrence, pending. Only rows still pending or withdrawn: one the due scan
     * sent or expired since {@link #stored} read it stays as it is.
     */
    static void replan(Connection c, List<ScheduleDiff.Update> updates, SendTimes times, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update reminder_schedule set due_on = ?, expires_on = ?, recipients = ?, send_after = ?,
                    planned_at = ?, status = 'PENDING', done_at = null
                where id = ? and status in ('PENDING', 'WITHDRAWN')
                """)) {
            for (ScheduleDiff.Update u : updates) {
                PlannedReminder r = u.planned();
                ps.setObject(1, r.dueOn());
                ps.setObject(2, r.expiresOn());
                ps.setArray(3, c.createArrayOf("text", r.recipients().stream().map(Enum::name).toArray()));
                ps.setObject(4, at(times.earliest(r.dueOn(), now)));
                ps.setObject(5, at(now));
                ps.setLong(6, u.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Adds occurrences not stored yet and changes nothing else (the scan extends endless series with it; re-planning
     * inserts new occurrences with it, as the scan may store the same one meanwhile).
     */
    static void insertMissing(Connection c, String district, List<PlannedReminder> plan, SendTimes times, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into reminder_schedule (task_id, district, rule, occurrence_key, due_on, expires_on, deadline,
                    recipients, send_after, planned_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (task_id, rule, occurrence_key) do nothing
                """)) {
            for (PlannedReminder r : plan) {
                bind(c, ps, district, r, times.earliest(r.dueOn(), now), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts an event notice once; empty when it is already stored (the event came again). */
    static Optional<ScheduledReminder> insertNotice(Connection c, String district, PlannedReminder r,
                                                    Map<String, Object> context, Instant sendAfter, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into reminder_schedule (task_id, district, rule, occurrence_key, due_on, expires_on, deadline,
                    recipients, send_after, planned_at, context)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (task_id, rule, occurrence_key) do nothing
                returning\s""" + COLUMNS)) {
            bind(c, ps, district, r, sendAfter, now);
            ps.setString(11, EventJson.tree(context).toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Withdraws these rows if still pending (the scan may have sent one since it was read). */
    static void withdraw(Connection c, List<Long> ids, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update reminder_schedule set status = 'WITHDRAWN', done_at = ?
                where id = any (?) and status = 'PENDING'
                """)) {
            ps.setObject(1, at(now));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    static List<ScheduledReminder> claimDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM_DUE)) {
            ps.setObject(1, at(now));
            ps.setInt(2, limit);
            List<ScheduledReminder> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    static void finish(Connection c, long id, String status, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update reminder_schedule set status = ?, done_at = ? where id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, at(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void postpone(Connection c, long id, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update reminder_schedule set send_after = ? where id = ?")) {
            ps.setObject(1, at(until));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, String district, PlannedReminder r, Instant sendAfter,
                             Instant now) throws SQLException {
        ps.setObject(1, UUID.fromString(r.taskId()));
        ps.setString(2, district);
        ps.setString(3, r.rule().name());
        ps.setString(4, r.occurrenceKey());
        ps.setObject(5, r.dueOn());
        ps.setObject(6, r.expiresOn());
        ps.setObject(7, r.deadline());
        ps.setArray(8, c.createArrayOf("text", r.recipients().stream().map(Enum::name).toArray()));
        ps.setObject(9, at(sendAfter));
        ps.setObject(10, at(now));
    }

    private static ScheduledReminder row(ResultSet rs) throws SQLException {
        Set<Recipient> to = recipients(rs.getArray(9));
        @SuppressWarnings("unchecked")
        Map<String, Object> context = EventJson.read(rs.getString(10), Map.class);
        return new ScheduledReminder(rs.getLong(1), rs.getObject(2, UUID.class).toString(), rs.getString(3),
                ReminderRule.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), to, context,
                rs.getObject(11, OffsetDateTime.class).toInstant());
    }

    private static Set<Recipient> recipients(Array array) throws SQLException {
        Set<Recipient> to = EnumSet.noneOf(Recipient.class);
        for (Object o : (Object[]) array.getArray()) {
            to.add(Recipient.valueOf((String) o));
        }
        return to;
    }

    private static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** When a reminder due on a day may go out, seen at a moment (the district's quiet hours). */
    @FunctionalInterface
    interface SendTimes {
        Instant earliest(LocalDate dueOn, Instant now);
    }
}
