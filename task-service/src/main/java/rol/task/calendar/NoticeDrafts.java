package rol.task.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.platform.event.EventJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Notices read and kept until the office confirms them (a draft takes effect only through its confirmation). */
@ApplicationScoped
public class NoticeDrafts {

    @Inject
    DataSource dataSource;

    public void add(CalendarViews.DraftView draft, String text, String actor, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into calendar_draft (id, year, notice, text, reading, created_by, created_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")) {
            ps.setObject(1, draft.id());
            ps.setInt(2, draft.year());
            ps.setString(3, draft.notice());
            ps.setString(4, text);
            ps.setString(5, EventJson.tree(draft).toString());
            ps.setString(6, actor);
            ps.setObject(7, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a calendar draft failed", e);
        }
    }

    /** The draft of {@code year}, locked until the transaction ends, with whether it was confirmed already. */
    public Optional<CalendarViews.DraftView> lock(int year, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select cast(reading as text), confirmed_at is not null from calendar_draft where id = ? and year = ?"
                        + " for update")) {
            q.setObject(1, id);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                CalendarViews.DraftView d = EventJson.read(rs.getString(1), CalendarViews.DraftView.class);
                return Optional.of(new CalendarViews.DraftView(d.id(), d.year(), d.notice(), d.holidays(),
                        d.workingDays(), d.months(), d.unread(), rs.getBoolean(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a calendar draft failed", e);
        }
    }

    public void confirmed(UUID id, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update calendar_draft set confirmed_at = ? where id = ?")) {
            ps.setObject(1, at);
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("confirming a calendar draft failed", e);
        }
    }
}
