package rol.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import rol.platform.event.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores notices, one per addressee of a scheduled reminder, and hands each new one to the channels
 * ({@link NoticeCreated}, in the same transaction). A reminder's notice to an addressee is stored at most once.
 */
@ApplicationScoped
public class Notices {

    /**
     * Kinds that stay in the in-app inbox and go to no email or webhook: notices about the system's own data (a
     * calendar year not entered yet), not about a task.
     */
    public static final Set<String> INBOX_ONLY_KINDS = Set.of("CALENDAR_MISSING");

    @Inject
    NoticeTexts texts;

    @Inject
    Event<NoticeCreated> created;

    /**
     * @param scheduleId the reminder the notices are of; null for a notice of no reminder (its caller keeps it single)
     * @param values the template values; each notice adds {@code recipient} (the salutation)
     * @return the notices created now (none for addressees that already have this reminder's notice)
     */
    public List<NoticeCreated> create(Connection c, Long scheduleId, String district, String kind, String taskId,
                                      List<Addressee> to, Map<String, Object> values, Instant now)
            throws SQLException {
        List<NoticeCreated> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into notice (district, kind, task_id, schedule_id, recipient_type, recipient_id, title, body,
                    data, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (schedule_id, recipient_type, recipient_id) do nothing
                returning id
                """)) {
            for (Addressee a : to) {
                Map<String, Object> v = new HashMap<>(values);
                v.put("recipient", a.salutation());
                NoticeTexts.Rendered text = texts.render(kind, v);
                ps.setString(1, district);
                ps.setString(2, kind);
                ps.setObject(3, taskId == null ? null : UUID.fromString(taskId));
                ps.setObject(4, scheduleId);
                ps.setString(5, a.type());
                ps.setString(6, a.id());
                ps.setString(7, text.title());
                ps.setString(8, text.body());
                ps.setString(9, EventJson.tree(values).toString());
                ps.setObject(10, now.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        NoticeCreated n = new NoticeCreated(rs.getLong(1), district, kind, taskId, a.type(), a.id(),
                                text.title(), text.body(), now, Map.copyOf(values));
                        created.fire(n);
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }
}
