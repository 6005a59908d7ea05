package rol.platform.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outbox relay and inbox consumer settings of a service; the Kafka connection itself is {@code kafka.*}. */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of the events this service writes, e.g. {@code /task-service}. */
    String source();

    /**
     * Whether the service creates the topics it is missing (local stacks, tests). Off in Kubernetes, where Strimzi's
     * KafkaTopics own them and each service's KafkaUser may only see its own topics.
     */
    @WithDefault("true")
    boolean createTopics();

    Relay relay();

    Consumer consumer();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /**
         * How often the relay looks for unsent events besides the nudge after each commit: a safety net, so once a
         * second is plenty (Quarkus' scheduler does not go below one second anyway).
         */
        @WithDefault("1s")
        Duration interval();

        /**
         * How long the relay waits after a commit's nudge, so that the events committed meanwhile go out together:
         * under load a pass per commit costs more CPU in the service, PostgreSQL and Kafka than the events themselves.
         */
        @WithDefault("100ms")
        Duration nudgeDelay();

        @WithDefault("200")
        int batchSize();

        /** The longest wait between retries while Kafka is unreachable: also the longest delay after it returns. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long sent events stay in the outbox table for diagnosis. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /** The topics this service consumes; none means it consumes nothing. */
        Optional<List<String>> topics();

        /** Kafka consumer group, also the consumer's name in the inbox. */
        Optional<String> group();

        /** The longest wait before retrying an event that failed to apply. */
        @WithDefault("10s")
        Duration maxBackoff();
    }
}
