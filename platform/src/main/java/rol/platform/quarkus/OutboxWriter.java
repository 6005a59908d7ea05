package rol.platform.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.outbox.Outbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one way a service emits an event: inside the transaction of the state change, never directly to Kafka.
 * The datasource hands out the connection already enlisted in that transaction, the one Hibernate uses too.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    DataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    OutboxRelayJob relay;

    private static final Object NUDGE = OutboxWriter.class.getName() + ".nudge";

    /** @param subject the aggregate id: the Kafka key that keeps this aggregate's events in order */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String topic, String type, String subject, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(), type,
                subject, OffsetDateTime.now(clock), null, EventJson.tree(data));
        try (Connection connection = dataSource.getConnection()) {
            Outbox.append(connection, topic, event);
        } catch (SQLException e) {
            throw new IllegalStateException("writing event " + type + " to the outbox failed", e);
        }
        nudgeRelayOnCommit();
        return event;
    }

    /** Once per transaction: after it commits, the relay publishes at once instead of at its next interval. */
    private void nudgeRelayOnCommit() {
        if (registry.getResource(NUDGE) != null) {
            return;
        }
        registry.putResource(NUDGE, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
    }
}
