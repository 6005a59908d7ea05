package rol.notification.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.progress.RowKey;
import rol.notification.progress.Scope;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Plan items reported done" of the rollups: the tasks whose plan item the later report of the issuer answers
 * (REPORTED_DONE) and the office confirmed. Counted when asked, not kept as a counter: a decision changes no task,
 * and the few confirmed items per plan make the join cheap (indexes of V12).
 */
@ApplicationScoped
public class ReportedDone {

    @Inject
    DataSource dataSource;

    /** Per row of {@link rol.notification.progress.RollupStore#rows}: same scope ids, and year 0 when summed over years. */
    public Map<RowKey, Long> counts(String district, Scope scope, Integer year, String scopeId) {
        String column = switch (scope) {
            case DISTRICT -> "t.district";
            case DEPARTMENT -> "t.lead_department";
            case PLAN -> "t.work_plan_id::text";
            case ISSUER -> "t.issuer";
        };
        String yearColumn = year == null ? "0" : "coalesce(t.plan_year, 0)";
        StringBuilder sql = new StringBuilder("select " + column + ", " + yearColumn + ", count(*) from task_view t"
                + " join plan_follow_up f on f.earlier_report_id = t.report_id"
                + " and f.plan_item_id = t.snapshot ->> 'planItemId'"
                + " where t.district = ? and f.verdict = 'REPORTED_DONE' and f.decision = 'CONFIRMED'"
                + " and " + column + " is not null");
        List<Object> args = new ArrayList<>(List.of(district));
        if (year != null) {
            sql.append(" and coalesce(t.plan_year, 0) = ?");
            args.add(year);
        }
        if (scopeId != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(scopeId);
        }
        sql.append(" group by 1, 2");
        Map<RowKey, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(new RowKey(district, scope, rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting plan items reported done", e);
        }
        return out;
    }
}
