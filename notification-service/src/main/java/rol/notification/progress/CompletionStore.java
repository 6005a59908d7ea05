package rol.notification.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The month counts of {@link CompletionCurve}, read from {@code task_view} with one GROUP BY per series: a year of a
 * district is a few thousand rows, counted where they lie instead of being shipped to the service.
 */
@ApplicationScoped
public class CompletionStore {

    @Inject
    DataSource dataSource;

    /**
     * Per month of {@code year} the tasks whose deadline falls in it (not drafts, not cancelled), and of those the
     * closed ones; of one lead department, or of the whole district with {@code department} null.
     */
    public Map<Integer, CompletionCurve.Due> due(String district, String department, int year) {
        StringBuilder sql = new StringBuilder("""
                select extract(month from deadline)::int, count(*), count(*) filter (where state = 'CLOSED')
                from task_view where district = ? and deadline >= ? and deadline < ?
                and state not in ('DRAFT', 'CANCELLED')""");
        List<Object> args = new ArrayList<>(List.of(district, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        lead(sql, args, department);
        sql.append(" group by 1");
        Map<Integer, CompletionCurve.Due> out = new HashMap<>();
        query(sql.toString(), args, rs -> out.put(rs.getInt(1), new CompletionCurve.Due(rs.getLong(2), rs.getLong(3))));
        return out;
    }

    /**
     * Per month of {@code year} the tasks closed (销号) in it and those closed on or before their deadline; the month
     * and the day of closing are those of {@code zone}, the district's, as everywhere else the service names a day.
     */
    public Map<Integer, CompletionCurve.Closed> closed(String district, String department, int year, ZoneId zone) {
        // the local time of closing; a fixed offset goes as an interval, since PostgreSQL reads "+08:00" as a
        // POSIX zone (sign reversed)
        String local = zone.normalized() instanceof ZoneOffset ? "timezone(?::interval, closed_at)"
                : "timezone(?, closed_at)";
        String zoneArg = zone.normalized() instanceof ZoneOffset o
                ? (o.getTotalSeconds() == 0 ? "+00:00" : o.getId()) : zone.getId();
        StringBuilder sql = new StringBuilder("select extract(month from " + local + ")::int, count(*),"
                + " count(*) filter (where " + local + "::date <= deadline)"
                + " from task_view where district = ? and state = 'CLOSED' and closed_at >= ? and closed_at < ?");
        List<Object> args = new ArrayList<>(List.of(zoneArg, zoneArg, district,
                LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime(),
                LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime()));
        lead(sql, args, department);
        sql.append(" group by 1");
        Map<Integer, CompletionCurve.Closed> out = new HashMap<>();
        query(sql.toString(), args,
                rs -> out.put(rs.getInt(1), new CompletionCurve.Closed(rs.getLong(2), rs.getLong(3))));
        return out;
    }

    private static void lead(StringBuilder sql, List<Object> args, String department) {
        if (department != null) {
            sql.append(" and lead_department = ?");
            args.add(department);
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> args, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the month counts of task_view", e);
        }
    }
}
