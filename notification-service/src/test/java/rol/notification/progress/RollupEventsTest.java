package rol.notification.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.rollup.RollupUpdatedV1;
import rol.platform.event.task.TaskV1;
import rol.platform.quarkus.MovableClock;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** rollup.updated.v1: through the real consumer and relay, keyed by scope, once per row and transaction, compacted. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class RollupEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    TaskEventsHandler handler;

    @Inject
    MovableClock clock;

    @Inject
    LightsJob job;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rollupEventsIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> admin.listTopics().names().get().contains(Topics.ROLLUP_EVENTS));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ROLLUP_EVENTS);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
            assertEquals(3, admin.describeTopics(List.of(Topics.ROLLUP_EVENTS)).allTopicNames().get()
                    .get(Topics.ROLLUP_EVENTS).partitions().size());
        }
    }

    @Test
    void aTaskEventFromKafkaUpdatesTheRollupAndItsEventReachesTheBroker() throws Exception {
        String district = "k-" + UUID.randomUUID();
        TaskV1 draft = TaskFeed.draft(district, UUID.randomUUID().toString(), "某区司法局", 2025);
        TaskV1 dispatched = TaskFeed.dispatched(draft, "judicial-bureau", LocalDate.now(clock).plusDays(60),
                OffsetDateTime.now(clock));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (TaskV1 t : List.of(draft, dispatched)) {
                producer.send(new ProducerRecord<>(Topics.TASK_EVENTS, t.taskId(),
                        EventJson.write(TaskFeed.event(t, OffsetDateTime.now(clock))))).get();
            }
        }
        String key = RollupUpdatedV1.key(district, "district", district, 2025);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "allow.auto.create.topics", "false", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.partitionsFor(Topics.ROLLUP_EVENTS) != null
                    && !consumer.partitionsFor(Topics.ROLLUP_EVENTS).isEmpty());
            consumer.partitionsFor(Topics.ROLLUP_EVENTS)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<JsonNode> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(key)) {
                        CloudEvent e = EventJson.read(r.value(), CloudEvent.class);
                        assertEquals(RollupUpdatedV1.TYPE, e.type());
                        assertEquals(key, e.subject());
                        seen.add(e.data());
                    }
                }
                return !seen.isEmpty() && seen.get(seen.size() - 1).get("supervised").asLong() == 1;
            });
            JsonNode last = seen.get(seen.size() - 1);
            assertEquals(1, last.get("tasks").asLong());
            assertEquals(1, last.get("byState").get("DISPATCHED").asLong());
            assertEquals("GREEN", last.get("light").asText());
            assertEquals("district", last.get("scope").asText());
        }
    }

    @Test
    void oneEventPerRowAndTransactionWithTheRowsFinalCounters() throws Exception {
        String district = "c-" + UUID.randomUUID();
        String plan = UUID.randomUUID().toString();
        TaskV1 a = TaskFeed.draft(district, plan, null, 2025);
        TaskV1 b = TaskFeed.draft(district, plan, null, 2025);
        QuarkusTransaction.requiringNew().run(() -> {
            handler.handle(TaskFeed.event(a, OffsetDateTime.now(clock)));
            handler.handle(TaskFeed.event(b, OffsetDateTime.now(clock)));
        });
        List<JsonNode> events = outbox(RollupUpdatedV1.key(district, "district", district, 2025));
        assertEquals(1, events.size());
        assertEquals(2, events.get(0).get("tasks").asLong());
        assertEquals(1, outbox(RollupUpdatedV1.key(district, "plan", plan, 2025)).size());
        // a change that moves no counter (a newer version of the same draft) announces nothing
        TaskFeed.apply(handler, TaskFeed.state(a, "DRAFT"), clock);
        assertEquals(1, outbox(RollupUpdatedV1.key(district, "district", district, 2025)).size());
    }

    @Test
    void theDayAfterItsDeadlineATaskTurnsRedWithoutAnyEvent() throws Exception {
        clock.set(OffsetDateTime.parse("2025-09-30T10:00:00+08:00").toInstant());
        String district = "t-" + UUID.randomUUID();
        TaskV1 t = TaskFeed.dispatched(TaskFeed.draft(district, UUID.randomUUID().toString(), null, 2025),
                "judicial-bureau", LocalDate.parse("2025-09-30"), OffsetDateTime.parse("2025-09-01T10:00:00+08:00"));
        TaskFeed.apply(handler, TaskFeed.progress(t, 95, OffsetDateTime.now(clock)), clock);
        String key = RollupUpdatedV1.key(district, "district", district, 2025);
        assertEquals("GREEN", outbox(key).get(0).get("light").asText());
        job.reevaluate();
        assertEquals(1, outbox(key).size(), "nothing is due on the deadline day");
        clock.advance(Duration.ofHours(14)); // 00:00 on 10-01 in Shanghai
        job.reevaluate();
        List<JsonNode> events = outbox(key);
        assertEquals(2, events.size());
        assertEquals(1, events.get(1).get("overdue").asLong());
        assertEquals("RED", events.get(1).get("light").asText());
        assertEquals("2025-10-01", events.get(1).get("asOf").asText());
    }

    /** The bodies of the rollup events with this key in the outbox, oldest first. */
    private List<JsonNode> outbox(String key) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select payload from outbox_event where topic = ? and event_key = ? order by position")) {
            q.setString(1, Topics.ROLLUP_EVENTS);
            q.setString(2, key);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(EventJson.read(rs.getString(1), CloudEvent.class).data());
                }
            }
        }
        return out;
    }
}
