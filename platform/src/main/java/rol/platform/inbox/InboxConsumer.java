package rol.platform.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The consuming side of every service: poll, apply each event once (inbox claim and effect in one transaction),
 * and commit offsets only for what is applied. The events of one poll are first tried together in one transaction
 * (one commit instead of one per event, and what they change together, such as a rollup, is written once); if that
 * fails they are applied one by one, each in its own transaction. A failing event is retried from its own offset
 * with backoff, so its partition waits rather than skipping it; an event that can never be applied is recorded as
 * rejected and passed.
 */
public final class InboxConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final Consumer<String, String> kafka;
    private final Collection<String> topics;
    private final String name;
    private final Transactor transactor;
    private final EventHandler handler;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Instant lastPoll;
    private volatile String lastFailure;

    public InboxConsumer(Consumer<String, String> kafka, Collection<String> topics, String name,
                         Transactor transactor, EventHandler handler, Backoff backoff) {
        this.kafka = kafka;
        this.topics = topics;
        this.name = name;
        this.transactor = transactor;
        this.handler = handler;
        this.backoff = backoff;
    }

    /** Consumer settings: offsets are committed by this loop, only after the events they cover are applied. */
    public static Map<String, Object> consumerSettings(String group) {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-inbox",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    @Override
    public void run() {
        try {
            kafka.subscribe(topics);
            while (running.get()) {
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                lastPoll = Instant.now();
                if (!records.isEmpty() && !applyAll(records)) {
                    backoff.pause();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }

    /** @return false when an event failed and its partition was rewound to it */
    private boolean applyAll(ConsumerRecords<String, String> records) {
        if (records.count() > 1 && applyTogether(records)) {
            Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, String>> in = records.records(partition);
                all.put(partition, new OffsetAndMetadata(in.get(in.size() - 1).offset() + 1));
            }
            kafka.commitSync(all);
            backoff.reset();
            lastFailure = null;
            return true;
        }
        return applyOneByOne(records);
    }

    /**
     * All events of the poll in one transaction, in order within each partition. Any failure rolls back all of them
     * and reports false, and the caller applies them one by one, which isolates the event at fault.
     */
    private boolean applyTogether(ConsumerRecords<String, String> records) {
        List<CloudEvent> events = new ArrayList<>(records.count());
        try {
            for (ConsumerRecord<String, String> record : records) {
                events.add(EventJson.read(record.value()));
            }
            transactor.inTransaction(connection -> {
                for (CloudEvent event : events) {
                    claimAndHandle(connection, event);
                }
            });
            return true;
        } catch (Exception e) {
            LOG.debugf("%s: %d events together failed (%s); applying them one by one", name, records.count(), e);
            return false;
        }
    }

    private boolean applyOneByOne(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        boolean allApplied = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!running.get()) {
                    break;
                }
                if (!apply(record)) {
                    kafka.seek(partition, record.offset());
                    allApplied = false;
                    break;
                }
                applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!applied.isEmpty()) {
            // An event applied but not yet committed here is redelivered after a crash; the inbox absorbs it.
            kafka.commitSync(applied);
        }
        if (allApplied) {
            backoff.reset();
            lastFailure = null;
        }
        return allApplied;
    }

    private boolean apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventJson.read(record.value());
        } catch (MalformedEventException e) {
            String id = record.topic() + "/" + record.partition() + "/" + record.offset();
            return reject(id, "unreadable", e.getMessage());
        }
        try {
            transactor.inTransaction(connection -> claimAndHandle(connection, event));
            return true;
        } catch (MalformedEventException e) {
            return reject(event.id(), event.type(), e.getMessage());
        } catch (Exception e) {
            lastFailure = event.type() + " " + event.id() + ": " + e;
            LOG.warnf(e, "%s: applying %s %s failed; it will be retried", name, event.type(), event.id());
            return false;
        }
    }

    /** The event's effect, once: its id goes into the inbox in the same transaction, a known id is skipped. */
    private void claimAndHandle(Connection connection, CloudEvent event) throws Exception {
        if (Inbox.claim(connection, name, event.id(), event.type())) {
            handler.handle(event);
        } else {
            LOG.debugf("%s: event %s (%s) already applied, skipped", name, event.id(), event.type());
        }
    }

    private boolean reject(String eventId, String type, String reason) {
        LOG.errorf("%s: event %s (%s) can never be applied and is skipped: %s", name, eventId, type, reason);
        try {
            transactor.inTransaction(connection -> Inbox.reject(connection, name, eventId, type, reason));
            return true;
        } catch (Exception e) {
            lastFailure = "recording rejected event " + eventId + ": " + e;
            return false;
        }
    }

    public void stop() {
        running.set(false);
        kafka.wakeup();
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    /** The error that currently holds a partition back, or null. */
    public String lastFailure() {
        return lastFailure;
    }
}
