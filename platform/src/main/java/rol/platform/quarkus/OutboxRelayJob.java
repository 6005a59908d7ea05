package rol.platform.quarkus;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;
import rol.platform.event.Topics;
import rol.platform.inbox.Backoff;
import rol.platform.outbox.Outbox;
import rol.platform.outbox.OutboxRelay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives the outbox relay: shortly after each commit that wrote an event ({@link #nudge}, after the nudge delay), and
 * every interval in case one was missed (a restart, a failed pass); backing off while Kafka does not answer.
 */
@ApplicationScoped
public class OutboxRelayJob {

    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    @Inject
    DataSource dataSource;

    @Inject
    KafkaSettings kafka;

    @Inject
    EventsConfig config;

    private KafkaProducer<String, String> producer;
    private OutboxRelay relay;
    private Backoff backoff;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile String lastFailure;
    private boolean topicsReady;

    /** Nudges within the nudge delay fold into one pass: one Kafka request and one update for all their events. */
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ScheduledExecutorService nudges = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    /** An event was committed: publish it after the nudge delay rather than at the next interval. */
    public void nudge() {
        if (config.relay().enabled() && nudged.compareAndSet(false, true)) {
            try {
                nudges.schedule(() -> {
                    nudged.set(false);
                    relay();
                }, config.relay().nudgeDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                nudged.set(false); // shutting down: the next start relays what is left
            }
        }
    }

    @Scheduled(every = "${events.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    synchronized void relay() {
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            start();
            OutboxRelay.Result result;
            do {
                result = relay.relayOnce();
            } while (!result.failed() && result.sent() == config.relay().batchSize());
            if (result.failed()) {
                failed(result.failure());
            } else {
                backoff.reset();
                lastFailure = null;
            }
        } catch (Exception e) {
            failed(String.valueOf(e));
        }
    }

    private void start() throws Exception {
        if (relay == null) {
            backoff = new Backoff(config.relay().interval(), config.relay().maxBackoff());
            producer = kafka.producer();
            relay = new OutboxRelay(dataSource, producer, config.relay().batchSize());
        }
        if (!topicsReady) {
            kafka.ensureTopics(Topics.names());
            topicsReady = true;
        }
    }

    private void failed(String failure) {
        Duration wait = backoff == null ? config.relay().maxBackoff() : backoff.next();
        nextAttempt = Instant.now().plus(wait);
        if (!failure.equals(lastFailure)) {
            LOG.warnf("outbox relay cannot publish now (%s); events stay in the outbox, next try in %s", failure, wait);
        }
        lastFailure = failure;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = RelayDisabled.class)
    void purge() {
        try {
            int purged;
            try (Connection connection = dataSource.getConnection()) {
                // sent_at is the database's real time: a clock moved ahead (demo, tests) must not purge what it skips
                purged = Outbox.purgeSentBefore(connection, Instant.now().minus(config.relay().retention()));
            }
            if (purged > 0) {
                LOG.infof("outbox: removed %d events sent more than %s ago", purged, config.relay().retention());
            }
        } catch (Exception e) {
            LOG.warn("outbox purge failed; it is tried again in an hour", e);
        }
    }

    /** The failure that currently holds the relay back, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        nudges.shutdown();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        @Inject
        EventsConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relay().enabled();
        }
    }
}
