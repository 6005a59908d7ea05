package rol.notification.readmodel;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskCreatedV1;
import rol.platform.event.task.TaskV1;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The task read model follows task-events: the newest snapshot wins, duplicates and late events change nothing. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class TaskReadModelTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Test
    void theNewestSnapshotWinsWhateverTheOrderOfArrival() throws Exception {
        String taskId = UUID.randomUUID().toString();
        CloudEvent created = event(taskId, "task.created.v1", snapshot(taskId, "DRAFT", null, 0));
        CloudEvent dispatched = event(taskId, "task.dispatched.v1",
                snapshot(taskId, "DISPATCHED", LocalDate.of(2025, 12, 31), 2));
        CloudEvent stale = event(taskId, "task.updated.v1", snapshot(taskId, "DRAFT", null, 1));
        send(taskId, created, created, dispatched, stale, dispatched);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(dispatched.id()) == 1 && inbox(stale.id()) == 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select state, deadline, task_version, co_departments, dispatched_at"
                     + " from task_view where task_id = ?::uuid")) {
            q.setString(1, taskId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals("DISPATCHED", rs.getString(1));
                assertEquals(LocalDate.of(2025, 12, 31), rs.getObject(2, LocalDate.class));
                assertEquals(2, rs.getLong(3));
                assertEquals(List.of("market-regulation"), List.of((String[]) rs.getArray(4).getArray()));
                assertEquals(OffsetDateTime.parse("2025-03-01T01:00:00Z").toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant());
            }
        }
        assertEquals(1, count("select count(*) from task_view where task_id = ?::uuid", taskId));
    }

    private static TaskV1 snapshot(String taskId, String state, LocalDate deadline, long version) {
        return new TaskV1(taskId, "licheng", UUID.randomUUID().toString(), UUID.randomUUID().toString(), "plan-1",
                "某区司法局", 2025, "主题", "开展行政执法案卷评查", state, "judicial-bureau", List.of("market-regulation"),
                deadline, false, 0, null, deadline == null ? null : OffsetDateTime.parse("2025-03-01T09:00:00+08:00"),
                null, version);
    }

    private static CloudEvent event(String taskId, String type, TaskV1 task) {
        return new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", type, taskId,
                OffsetDateTime.now(), null, EventJson.tree(new TaskCreatedV1(task)));
    }

    private void send(String key, CloudEvent... events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.TASK_EVENTS, key, EventJson.write(e))).get();
            }
        }
    }

    private long inbox(String eventId) throws Exception {
        return count("select count(*) from inbox_event where event_id = ?", eventId);
    }

    private long count(String sql, String arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
