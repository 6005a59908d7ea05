package rol.platform.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the inbox consumer (when the service has one) is running. A relay or consumer that is waiting for
 * Kafka is reported but does not make the service unready: its writes go to the outbox and are relayed later.
 * Kafka's own state is {@link KafkaHealth}, a wellness check outside readiness.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    @Inject
    InboxConsumerRunner consumer;

    @Inject
    OutboxRelayJob relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events");
        boolean up = !consumer.enabled() || consumer.running();
        response.status(up);
        response.withData("consumer", consumer.enabled() ? (consumer.running() ? "running" : "stopped") : "none");
        if (consumer.lastFailure() != null) {
            response.withData("consumerWaitingOn", consumer.lastFailure());
        }
        if (relay.lastFailure() != null) {
            response.withData("relayWaitingOn", relay.lastFailure());
        }
        return response.build();
    }
}
