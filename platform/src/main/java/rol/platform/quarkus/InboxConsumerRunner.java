package rol.platform.quarkus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.platform.inbox.Backoff;
import rol.platform.inbox.EventHandler;
import rol.platform.inbox.InboxConsumer;
import rol.platform.inbox.Transactor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * Runs the service's inbox consumer on its own thread when the service configures topics to consume and provides
 * an {@link EventHandler} bean. Each event is applied in a JTA transaction, so the handler's Hibernate work and the
 * inbox record share one commit.
 */
@ApplicationScoped
public class InboxConsumerRunner {

    private static final Logger LOG = Logger.getLogger(InboxConsumerRunner.class);

    @Inject
    EventsConfig config;

    @Inject
    KafkaSettings kafka;

    @Inject
    DataSource dataSource;

    @Inject
    Instance<EventHandler> handler;

    private volatile InboxConsumer consumer;
    private volatile Thread thread;

    void start(@Observes StartupEvent event) {
        List<String> topics = config.consumer().topics().orElse(List.of());
        if (topics.isEmpty() || !handler.isResolvable()) {
            return;
        }
        String group = config.consumer().group()
                .orElseThrow(() -> new IllegalStateException("events.consumer.group is required with events.consumer.topics"));
        thread = new Thread(() -> run(topics, group), "inbox-" + group);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(List<String> topics, String group) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), config.consumer().maxBackoff());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                kafka.ensureTopics(topics);
                consumer = new InboxConsumer(kafka.consumer(group), topics, group, this::inTransaction,
                        handler.get(), backoff);
                consumer.run();
                return;
            } catch (Exception e) {
                Duration wait = backoff.next();
                LOG.warnf("inbox consumer %s cannot run now (%s); next try in %s", group, e, wait);
                if (!pause(wait)) {
                    return;
                }
            }
        }
    }

    /**
     * Waits before the next try; false when interrupted (the service stops), with the thread's interrupt flag set
     * again so that whatever runs on it next still sees the request to stop.
     */
    static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void inTransaction(Transactor.Work work) throws Exception {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    work.run(connection);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new WorkFailed(e);
                }
            });
        } catch (WorkFailed e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries a checked exception through the transaction boundary. */
    private static final class WorkFailed extends RuntimeException {
        WorkFailed(Exception cause) {
            super(cause);
        }
    }

    boolean enabled() {
        return thread != null;
    }

    /** For readiness: the consumer thread runs and no event is stuck. */
    boolean running() {
        return thread != null && thread.isAlive();
    }

    String lastFailure() {
        InboxConsumer c = consumer;
        return c == null ? null : c.lastFailure();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        InboxConsumer c = consumer;
        if (c != null) {
            c.stop();
        }
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
