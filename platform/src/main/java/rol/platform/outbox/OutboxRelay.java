package rol.platform.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import rol.platform.event.CloudEvent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes unsent outbox rows in position order and marks them sent. One relay at a time per database holds a
 * transaction-scoped advisory lock, so several replicas never interleave. A row is marked sent only after the
 * broker acknowledged it (acks=all, idempotent producer); on the first failure the rest of the batch stays unsent
 * and is retried, so Kafka being down delays events but never loses or reorders them.
 */
public final class OutboxRelay {

    static final int RELAY_LOCK = 0x0b0d;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int batchSize;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, int batchSize) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /** What one pass did: how many events went out, and the failure that stopped it, if any. */
    public record Result(int sent, String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    private record Row(long position, String topic, String key, String payload) {
    }

    /** Producer settings that delivery in order, without loss or broker-side duplicates, depends on. */
    public static Map<String, Object> producerSettings(String clientId) {
        return Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // fail fast while the broker is down: the outbox keeps the events and the relay retries with backoff
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    public Result relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Result result = relay(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Result relay(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return new Result(0, null);
        }
        List<Row> rows = unsent(connection);
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        String failure = null;
        for (Row row : rows) {
            Future<RecordMetadata> send = producer.send(record(row));
            sends.add(send);
            // A send that failed at once (no metadata: broker unreachable) would fail for every later row too.
            if (send.isDone() && failure(send) != null) {
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            failure = failure(send);
            if (failure != null) {
                break;
            }
            acknowledged++;
        }
        markSent(connection, rows.subList(0, acknowledged));
        if (failure != null) {
            markFailed(connection, rows.get(acknowledged), failure);
            LOG.warnf("outbox relay: %d sent, then stopped at position %d: %s",
                    acknowledged, rows.get(acknowledged).position(), failure);
        }
        return new Result(acknowledged, failure);
    }

    private static String failure(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, 0)")) {
            lock.setInt(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> unsent(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select position, topic, event_key, payload from outbox_event where sent_at is null"
                        + " order by position limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return rows;
            }
        }
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] positions = rows.stream().map(Row::position).toArray(Long[]::new);
        Array array = connection.createArrayOf("bigint", positions);
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null"
                        + " where position = any (?)")) {
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, Row row, String failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where position = ?")) {
            update.setString(1, failure.length() > 2000 ? failure.substring(0, 2000) : failure);
            update.setLong(2, row.position());
            update.executeUpdate();
        }
    }
}
