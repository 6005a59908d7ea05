package rol.task.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The answers stored per caller and key, in table {@code idempotency_key} (V12). Every method works on the
 * connection of the current transaction, so that an answer is stored exactly when the change it reports commits.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    IdempotencyConfig config;

    /**
     * Claims the key for this request, or returns the answer stored under it. The row inserted here is held until
     * the transaction ends: a second request with the same key waits on it and then reads the stored answer, so two
     * concurrent retries never both run. A row older than the retention is taken over as if new.
     */
    public Optional<IdempotencyKeys.Stored> claim(String caller, String key, String fingerprint) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("insert into idempotency_key (caller, key, fingerprint, created_at)"
                    + " values (?, ?, ?, ?) on conflict (caller, key) do update set fingerprint = excluded.fingerprint,"
                    + " created_at = excluded.created_at, status = null, body = null, headers = null"
                    + " where idempotency_key.created_at < ?")) {
                st.setString(1, caller);
                st.setString(2, key);
                st.setString(3, fingerprint);
                st.setObject(4, now);
                st.setObject(5, now.minus(config.retention()));
                if (st.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement st = c.prepareStatement("select fingerprint, status, body, headers::text"
                    + " from idempotency_key where caller = ? and key = ?")) {
                st.setString(1, caller);
                st.setString(2, key);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("idempotency key vanished while claimed");
                    }
                    return Optional.of(new IdempotencyKeys.Stored(rs.getString(1), rs.getInt(2), rs.getString(3),
                            json.readValue(rs.getString(4), HEADERS)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading the idempotency key failed", e);
        }
    }

    /** Stores the first answer under the key claimed in this transaction. */
    public void complete(String caller, String key, int status, String body, Map<String, String> headers) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("update idempotency_key set status = ?, body = ?,"
                     + " headers = cast(? as jsonb) where caller = ? and key = ?")) {
            st.setInt(1, status);
            st.setString(2, body);
            st.setString(3, json.writeValueAsString(headers));
            st.setString(4, caller);
            st.setString(5, key);
            st.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("storing the answer for an idempotency key failed", e);
        }
    }

    /** Forgets the answers older than the retention (24 h by default); returns how many. */
    @Transactional
    public int removeExpired(OffsetDateTime now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("delete from idempotency_key where created_at < ?")) {
            st.setObject(1, now.minus(config.retention()));
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("removing expired idempotency keys failed", e);
        }
    }

    // every instance may run it: deleting what is already gone does no harm
    @Scheduled(every = "${idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        int removed = removeExpired(OffsetDateTime.now(clock));
        if (removed > 0) {
            LOG.infof("removed %d expired idempotency keys", removed);
        }
    }
}
