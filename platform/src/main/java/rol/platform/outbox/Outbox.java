package rol.platform.outbox;

import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends an event to the outbox table on the caller's connection, so that it commits or rolls back together with
 * the state change it describes. The relay publishes it later.
 */
public final class Outbox {

    /** Advisory-lock class for appends; the relay uses {@link OutboxRelay#RELAY_LOCK}. */
    static final int APPEND_LOCK = 0x0b0c;

    private Outbox() {
    }

    public static void append(Connection connection, String topic, CloudEvent event) throws SQLException {
        if (event.subject() == null) {
            throw new IllegalArgumentException("event " + event.type() + " needs a subject: it is the Kafka key");
        }
        // Serialise appends per aggregate until commit, so that outbox position order equals commit order for
        // each key and the relay can never publish an aggregate's events out of order. The lock is taken in the
        // same statement as the insert, before its row is written: one round trip instead of two.
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox_event (event_id, topic, event_key, event_type, payload)"
                        + " select ?, ?, ?, ?, ? from (select pg_advisory_xact_lock(?, hashtext(?))) serialised")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, event.type());
            insert.setString(5, EventJson.write(event));
            insert.setInt(6, APPEND_LOCK);
            insert.setString(7, topic + '/' + event.subject());
            insert.executeUpdate();
        }
    }

    /** Sent rows are kept for a while for diagnosis, then removed. */
    public static int purgeSentBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where sent_at is not null and sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
