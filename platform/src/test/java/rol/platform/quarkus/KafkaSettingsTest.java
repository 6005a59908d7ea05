package rol.platform.quarkus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** In Kubernetes the topics are Strimzi's: with events.create-topics off a service never asks the broker for them. */
class KafkaSettingsTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void withTopicCreationOffNoAdminRequestIsMade() {
        // nothing listens on port 1: any request to the broker would fail after its 5 s timeout
        assertDoesNotThrow(() -> settings(false).ensureTopics(List.of("task-events")));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withTopicCreationOnTheBrokerIsAsked() {
        assertThrows(ExecutionException.class, () -> settings(true).ensureTopics(List.of("task-events")));
    }

    private static KafkaSettings settings(boolean createTopics) {
        KafkaSettings settings = new KafkaSettings();
        settings.kafkaConfig = Map.of("bootstrap.servers", "127.0.0.1:1");
        settings.config = new EventsConfig() {
            @Override
            public String source() {
                return "/test";
            }

            @Override
            public boolean createTopics() {
                return createTopics;
            }

            @Override
            public Relay relay() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Consumer consumer() {
                throw new UnsupportedOperationException();
            }
        };
        return settings;
    }
}
