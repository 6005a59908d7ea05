package rol.platform.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;
import rol.platform.inbox.Backoff;
import rol.platform.inbox.EventHandler;
import rol.platform.inbox.InboxConsumer;
import rol.platform.inbox.Transactor;
import rol.testsupport.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox and the inbox against the real broker and database: events written while Kafka is down are delivered
 * once it is back, each applied exactly once and in order per key; a redelivered event has no second effect.
 */
class DeliveryGuaranteesTest {

    private static final TestStack STACK = TestStack.MODULE;
    private static PGSimpleDataSource dataSource;

    private final List<InboxConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        STACK.upFresh("postgres", "kafka");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(STACK.jdbcUrl("report"));
        dataSource.setUser("report");
        dataSource.setPassword("report");
        String schema = Files.readString(Path.of("src/main/resources/db/events/R__outbox_inbox.sql"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(schema);
            s.execute("create table if not exists counter (key text primary key, value int not null)");
            s.execute("create table if not exists applied (seq bigserial primary key, consumer text, key text,"
                    + " value int, event_id text)");
        }
    }

    @AfterAll
    static void stop() {
        STACK.down("kafka", "postgres");
    }

    @AfterEach
    void stopConsumers() throws InterruptedException {
        consumers.forEach(InboxConsumer::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreDeliveredOnceInOrderAfterItReturns() throws Exception {
        String topic = "guarantees-" + UUID.randomUUID();
        String consumer = "consumer-" + UUID.randomUUID();
        createTopic(topic);
        STACK.down("kafka");

        // state changes are accepted while the broker is down: each one commits with its event
        List<String> keys = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        for (int value = 1; value <= 5; value++) {
            for (String key : keys) {
                changeState(topic, key, value);
            }
        }
        assertEquals(15, unsent(topic));

        try (KafkaProducer<String, String> producer = producer()) {
            OutboxRelay relay = new OutboxRelay(dataSource, producer, 100);
            OutboxRelay.Result whileDown = relay.relayOnce();
            assertTrue(whileDown.failed(), "the relay must notice that the broker is down");
            assertEquals(0, whileDown.sent());
            assertEquals(15, unsent(topic), "nothing may be marked sent while the broker is down");

            STACK.up("kafka");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> relay.relayOnce().sent() >= 0 && unsent(topic) == 0);
        }

        startConsumer(topic, consumer);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(consumer).size() == 15);

        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (String[] row : applied(consumer)) {
            byKey.computeIfAbsent(row[0], k -> new ArrayList<>()).add(Integer.parseInt(row[1]));
        }
        for (String key : keys) {
            assertEquals(List.of(1, 2, 3, 4, 5), byKey.get(key), "events of " + key + " applied once each, in order");
        }
        assertEquals(15, inboxCount(consumer));
    }

    @Test
    void anEventDeliveredTwiceChangesStateOnce() throws Exception {
        String topic = "duplicates-" + UUID.randomUUID();
        String consumer = "consumer-" + UUID.randomUUID();
        createTopic(topic);
        CloudEvent event = event("key-1", 7);
        CloudEvent other = event("key-1", 8);
        try (KafkaProducer<String, String> producer = producer()) {
            // the same event twice, as after a relay crash between sending and marking sent
            for (CloudEvent e : List.of(event, event, other, event)) {
                producer.send(new ProducerRecord<>(topic, e.subject(), EventJson.write(e))).get();
            }
        }
        startConsumer(topic, consumer);
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(consumer) == 2);
        // a second consumer in the same group after a restart, re-reading from the start, adds nothing either
        consumers.get(0).stop();
        threads.get(0).join(10_000);
        resetOffsets(topic, consumer);
        startConsumer(topic, consumer);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumers.get(1).lastPoll() != null
                && committedOffset(topic, consumer) == 4);

        List<String[]> rows = applied(consumer);
        assertEquals(2, rows.size(), "two distinct events, two effects");
        assertEquals("7", rows.get(0)[1]);
        assertEquals("8", rows.get(1)[1]);
    }

    @Test
    void aPollIsAppliedInOneTransactionAndAnEventAtFaultDoesNotHoldBackTheOthers() throws Exception {
        String topic = "batches-" + UUID.randomUUID();
        createTopic(topic);
        String key = "key-" + UUID.randomUUID();
        List<CloudEvent> clean = new ArrayList<>();
        for (int value = 1; value <= 20; value++) {
            clean.add(event(key, value));
        }
        // one key, so one partition: the first poll brings all of them
        String together = "consumer-" + UUID.randomUUID();
        send(topic, clean);
        startConsumer(topic, together);
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(together) == 20);
        assertTrue(transactions.get() < 20, "20 events in fewer transactions than events, were " + transactions.get());
        assertEquals(20, applied(together).size());

        // a malformed event (negative value) in the middle of a poll: the whole poll is rolled back, then each
        // event is applied alone; the others once each and in order, the bad one recorded as rejected
        String topic2 = "batches-" + UUID.randomUUID();
        createTopic(topic2);
        String alone = "consumer-" + UUID.randomUUID();
        List<CloudEvent> withFault = List.of(event(key, 1), event(key, 2), event(key, -3), event(key, 4));
        send(topic2, withFault);
        startConsumer(topic2, alone);
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxCount(alone) == 4);
        assertEquals(List.of("1", "2", "4"), applied(alone).stream().map(r -> r[1]).toList());
        assertEquals(1, count("select count(*) from inbox_event where consumer = ? and outcome = 'REJECTED'", alone));
    }

    @Test
    void appendsForOneAggregateWaitForEachOtherUntilCommitAndOthersDoNot() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement s = second.createStatement()) {
                s.execute("set lock_timeout = '300ms'");
            }
            Outbox.append(first, "serial-topic", event("task-1", 1));
            // while the first transaction is open, a second append for the same key cannot go ahead of it…
            SQLException blocked = null;
            try {
                Outbox.append(second, "serial-topic", event("task-1", 2));
            } catch (SQLException e) {
                blocked = e;
            }
            assertEquals("55P03", blocked == null ? "appended" : blocked.getSQLState(), "lock_not_available");
            second.rollback();
            // …another aggregate's can
            Outbox.append(second, "serial-topic", event("task-2", 1));
            second.commit();
            first.commit();
            Outbox.append(second, "serial-topic", event("task-1", 2));
            second.commit();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select event_key from outbox_event where topic = 'serial-topic'"
                     + " order by position")) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            assertEquals(List.of("task-1", "task-2", "task-1"), keys);
        }
    }

    private static void send(String topic, List<CloudEvent> events) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(topic, e.subject(), EventJson.write(e))).get();
            }
        }
    }

    private static CloudEvent event(String key, int value) {
        return new CloudEvent(null, UUID.randomUUID().toString(), "/test", "test.changed.v1", key,
                OffsetDateTime.now(), null, EventJson.tree(Map.of("value", value)));
    }

    /** One state change and its event in one transaction, as a service does it. */
    private static void changeState(String topic, String key, int value) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement(
                    "insert into counter (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")) {
                upsert.setString(1, key);
                upsert.setInt(2, value);
                upsert.executeUpdate();
            }
            Outbox.append(c, topic, event(key, value));
            c.commit();
        }
    }

    /** The connection of the transaction in progress on the consumer thread, as JTA would bind it in a service. */
    private static final ThreadLocal<Connection> TRANSACTION = new ThreadLocal<>();

    /** Transactions begun by the consumers of the current test. */
    private final AtomicInteger transactions = new AtomicInteger();

    private void startConsumer(String topic, String name) {
        Transactor transactor = work -> {
            transactions.incrementAndGet();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                TRANSACTION.set(c);
                try {
                    work.run(c);
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    TRANSACTION.remove();
                }
            }
        };
        EventHandler handler = event -> {
            if (event.data().get("value").asInt() < 0) {
                throw new MalformedEventException("a negative value can never be applied");
            }
            try (PreparedStatement insert = TRANSACTION.get().prepareStatement(
                    "insert into applied (consumer, key, value, event_id) values (?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, event.subject());
                insert.setInt(3, event.data().get("value").asInt());
                insert.setString(4, event.id());
                insert.executeUpdate();
            }
        };
        Map<String, Object> props = new HashMap<>(InboxConsumer.consumerSettings(name));
        props.put("bootstrap.servers", STACK.kafkaBootstrap());
        InboxConsumer inbox = new InboxConsumer(new KafkaConsumer<>(props), List.of(topic), name, transactor, handler,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        Thread thread = new Thread(inbox, name);
        thread.start();
        consumers.add(inbox);
        threads.add(thread);
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> props = new HashMap<>(OutboxRelay.producerSettings("test-relay"));
        props.put("bootstrap.servers", STACK.kafkaBootstrap());
        return new KafkaProducer<>(props);
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", STACK.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    private static void resetOffsets(String topic, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", STACK.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                start.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
    }

    private static long committedOffset(String topic, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", STACK.kafkaBootstrap()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static int unsent(String topic) throws SQLException {
        return count("select count(*) from outbox_event where topic = ? and sent_at is null", topic);
    }

    private static int inboxCount(String consumer) throws SQLException {
        return count("select count(*) from inbox_event where consumer = ?", consumer);
    }

    private static int count(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** (key, value) in the order the effects were applied. */
    private static List<String[]> applied(String consumer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select key, value from applied where consumer = ? order by seq")) {
            q.setString(1, consumer);
            try (ResultSet rs = q.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                return rows;
            }
        }
    }
}
