package rol.platform.quarkus;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import rol.platform.event.Topics;
import rol.platform.inbox.InboxConsumer;
import rol.platform.outbox.OutboxRelay;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds the Kafka clients from the {@code kafka.*} configuration with the settings that delivery guarantees need. */
@ApplicationScoped
public class KafkaSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EventsConfig config;

    private Map<String, Object> base() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> props.put(k.replace('-', '.'), v));
        return props;
    }

    KafkaProducer<String, String> producer() {
        Map<String, Object> props = base();
        props.putAll(OutboxRelay.producerSettings(config.source().replace("/", "") + "-outbox"));
        return new KafkaProducer<>(props);
    }

    KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> props = base();
        props.putAll(InboxConsumer.consumerSettings(group));
        return new KafkaConsumer<>(props);
    }

    /** An admin client whose calls give up after {@code timeoutMs}, so that a broker that does not answer is told quickly. */
    Admin admin(int timeoutMs) {
        Map<String, Object> props = base();
        props.put("request.timeout.ms", timeoutMs);
        props.put("default.api.timeout.ms", timeoutMs);
        return Admin.create(props);
    }

    /**
     * Creates the topics that do not exist yet, with their partitions and settings; single-broker replication here.
     * Does nothing when {@code events.create-topics} is off.
     */
    void ensureTopics(Collection<String> names) throws ExecutionException, InterruptedException {
        if (!config.createTopics()) {
            return;
        }
        try (Admin admin = admin(5000)) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n)).map(Topics::spec)
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty())
                            .configs(s.config()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (TimeoutException e) {
            throw new ExecutionException("Kafka did not answer within 10 s", e);
        }
    }
}
