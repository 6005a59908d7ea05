package rol.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Remembers which events a consumer has handled. {@link #claim} runs in the same transaction as the event's effect:
 * both commit or neither does, so a redelivered event finds its id and has no second effect.
 */
public final class Inbox {

    public enum Outcome { APPLIED, REJECTED }

    private Inbox() {
    }

    /** @return true when this consumer sees the event for the first time (and now owns applying it) */
    public static boolean claim(Connection connection, String consumer, String eventId, String eventType)
            throws SQLException {
        return insert(connection, consumer, eventId, eventType, Outcome.APPLIED, null);
    }

    /** Records an event that can never be applied, so that it is skipped with a trace instead of blocking its partition. */
    public static void reject(Connection connection, String consumer, String eventId, String eventType, String reason)
            throws SQLException {
        insert(connection, consumer, eventId, eventType, Outcome.REJECTED, reason);
    }

    private static boolean insert(Connection connection, String consumer, String eventId, String eventType,
                                  Outcome outcome, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into inbox_event (consumer, event_id, event_type, outcome, detail) values (?, ?, ?, ?, ?)"
                        + " on conflict (consumer, event_id) do nothing")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, eventType);
            insert.setString(4, outcome.name());
            insert.setString(5, detail);
            return insert.executeUpdate() == 1;
        }
    }
}
