package rol.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What lies behind the services of the end-to-end stack: the events on the topics as a consumer reads them, the
 * outbox and inbox tables of a service's database, and who in a consumer group holds which partitions.
 */
final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event as it lies on its topic. */
    record Published(int partition, long offset, String key, String id) {
    }

    /** An outbox row: the order it was written in, its event and aggregate, when it was relayed (null: not yet). */
    record Written(long position, String id, String key, Instant createdAt, Instant sentAt) {
    }

    private Wire() {
    }

    /** Every record of the topic, partition by partition in offset order, read up to the end offsets of now. */
    static List<Published> topic(TestStack stack, String topic) {
        return records(stack, topic).stream().map(r -> new Published(r.partition(), r.offset(), r.key(), id(r.value())))
                .toList();
    }

    /** As {@link #topic}, with each record's value (the CloudEvent) as it lies on the topic. */
    static List<ConsumerRecord<String, String>> records(TestStack stack, String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cannot read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
                        out.add(r);
                    }
                }
            }
            out.sort(Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return out;
        }
    }

    private static String id(String cloudEvent) {
        try {
            return JSON.readTree(cloudEvent).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox rows of a topic written since {@code since}, in position order. */
    static List<Written> outbox(TestStack stack, String database, String topic, Instant since) throws SQLException {
        try (Connection c = connect(stack, database); PreparedStatement q = c.prepareStatement(
                "select position, event_id, event_key, created_at, sent_at from outbox_event"
                        + " where topic = ? and created_at >= ? order by position")) {
            q.setString(1, topic);
            q.setTimestamp(2, Timestamp.from(since));
            List<Written> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(5);
                    out.add(new Written(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            sent == null ? null : sent.toInstant()));
                }
            }
            return out;
        }
    }

    /** How many of the events the consumer's inbox has recorded (each at most once: the inbox's key). */
    static long inboxed(TestStack stack, String database, String consumer, Collection<String> ids) throws SQLException {
        try (Connection c = connect(stack, database); PreparedStatement q = c.prepareStatement(
                "select count(*) from inbox_event where consumer = ? and event_id = any (?)")) {
            q.setString(1, consumer);
            q.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The partitions each member of the consumer group holds now (member id → partitions). */
    static Map<String, List<TopicPartition>> assignment(TestStack stack, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group);
            return d.members().stream().collect(Collectors.toMap(MemberDescription::consumerId,
                    m -> List.copyOf(m.assignment().topicPartitions())));
        }
    }

    static Connection connect(TestStack stack, String database) throws SQLException {
        // the local stack's owner password, as ./stack creates it (stack.d/postgres.sh)
        return DriverManager.getConnection(stack.jdbcUrl(database), database, database);
    }
}
