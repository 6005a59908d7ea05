package rol.platform.quarkus;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether the broker answers: reported (in {@code /q/health} and {@code /q/health/well}, for dashboards and alerts)
 * but deliberately not a readiness check. While Kafka is down a service still takes every write, its events wait in
 * the outbox and are relayed later, so taking it out of its load balancer would only turn a delay into refusals.
 * (quarkus-kafka-client's own check is readiness and is switched off: {@code quarkus.kafka.health.enabled=false}.)
 */
@Wellness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    private static final int TIMEOUT_MS = 3000;

    @Inject
    KafkaSettings kafka;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka");
        try {
            String nodes = admin().describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .map(n -> n.host() + ":" + n.port()).sorted().collect(Collectors.joining(","));
            return response.up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e.getCause() != null ? e.getCause() : e)).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin(TIMEOUT_MS);
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
