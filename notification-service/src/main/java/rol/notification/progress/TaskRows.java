package rol.notification.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.TaskState;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads the rules' view of a task straight from the columns of {@code task_view} (alias {@code v}). */
@ApplicationScoped
public class TaskRows {

    static final String COLUMNS = "v.task_id, v.district, v.work_plan_id, v.issuer, v.plan_year, v.state,"
            + " v.lead_department, v.co_departments, v.deadline, v.key_supervision, v.percent, v.last_feedback_at,"
            + " v.dispatched_at, v.closed_at, v.task_version";
    static final int COLUMN_COUNT = 15;

    @Inject
    LightRules rules;

    TaskSnapshot snapshot(ResultSet rs) throws SQLException {
        Array co = rs.getArray(8);
        OffsetDateTime feedback = rs.getObject(12, OffsetDateTime.class);
        return new TaskSnapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5), TaskState.parse(rs.getString(6)), rs.getString(7),
                co == null ? List.of() : List.of((String[]) co.getArray()), rs.getObject(9, LocalDate.class),
                rs.getBoolean(10), rs.getInt(11), feedback == null ? null : feedback.toInstant(),
                rules.day(rs.getObject(13, OffsetDateTime.class)), rules.day(rs.getObject(14, OffsetDateTime.class)),
                rs.getLong(15));
    }
}
