package rol.notification.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import rol.notification.clock.TimeDrivenJob;
import rol.notification.subscription.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due deliveries. Each delivery is claimed, sent and marked in one transaction of its own: the row stays locked
 * (FOR UPDATE SKIP LOCKED) while it is sent, so another run, here or on another replica, skips it instead of sending
 * it again, and a crash before the commit leaves it pending for the next run (see docs/notifications.md on the one
 * gap that remains: a crash after the receiver accepted and before the commit). A run goes on until nothing is due:
 * a failed delivery's next attempt lies ahead, so every run ends, and the notices held back by quiet hours all leave
 * when the quiet hours end.
 */
@ApplicationScoped
public class DeliveryWorker implements TimeDrivenJob {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR = 1000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeliveryConfig config;

    @Inject
    Instance<Sender> senders;

    private final Map<Subscription.Channel, Sender> byChannel = new EnumMap<>(Subscription.Channel.class);

    @Override
    public String name() {
        return "deliveries";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Map<String, Object> runNow() {
        return Map.of("attempted", runDue());
    }

    @Scheduled(every = "${notification.delivery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runDue();
    }

    /** Sends everything due now; returns how many deliveries were attempted. */
    public int runDue() {
        int attempted = 0;
        while (QuarkusTransaction.requiringNew().timeout(transactionSeconds()).call(this::deliverOne)) {
            attempted++;
        }
        return attempted;
    }

    private boolean deliverOne() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select d.id from delivery d join subscription s on s.id = d.subscription_id
                        where d.state = 'PENDING' and d.next_attempt_at <= ?1 and s.enabled
                        order by d.next_attempt_at, d.id
                        limit 1
                        for update of d skip locked
                        """, UUID.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, clock.getZone()))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Delivery d = em.find(Delivery.class, due.get(0));
        Subscription s = em.find(Subscription.class, d.subscriptionId);
        d.attempts++;
        d.lastAttemptAt = OffsetDateTime.ofInstant(now, clock.getZone());
        try {
            sender(s.channel).send(d, s);
            d.state = Delivery.State.DELIVERED;
            d.deliveredAt = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
        } catch (Exception e) {
            d.lastError = describe(e);
            DeliveryFailure failure = DeliveryFailure.of(e);
            d.lastErrorReason = failure.reason();
            d.lastErrorStatus = failure.status();
            Optional<Instant> next = retries().nextAttempt(d.attempts, now);
            if (next.isPresent()) {
                d.nextAttemptAt = OffsetDateTime.ofInstant(next.get(), clock.getZone());
                LOG.infof("delivery %s to %s failed (attempt %d), next at %s: %s", d.id, s.channel, d.attempts,
                        d.nextAttemptAt, d.lastError);
            } else {
                d.state = Delivery.State.DEAD;
                d.deadAt = d.lastAttemptAt;
                LOG.warnf("delivery %s to %s is dead after %d attempts: %s", d.id, s.channel, d.attempts, d.lastError);
            }
        }
        return true;
    }

    private RetrySchedule retries() {
        return new RetrySchedule(config.maxAttempts(), config.baseDelay(), config.maxDelay());
    }

    /** Long enough for the slowest send (webhook timeout, SMTP) plus the database work around it. */
    private int transactionSeconds() {
        return (int) Math.max(60, config.webhook().timeout().plus(config.webhook().connectTimeout()).toSeconds() * 2);
    }

    private Sender sender(Subscription.Channel channel) {
        synchronized (byChannel) {
            if (byChannel.isEmpty()) {
                senders.forEach(s -> byChannel.put(s.channel(), s));
            }
        }
        Sender sender = byChannel.get(channel);
        if (sender == null) {
            throw new IllegalStateException("no sender for channel " + channel);
        }
        return sender;
    }

    private static String describe(Exception e) {
        Throwable t = e;
        StringBuilder b = new StringBuilder();
        while (t != null && b.length() < MAX_ERROR) {
            if (!b.isEmpty()) {
                b.append(" ← ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return b.length() > MAX_ERROR ? b.substring(0, MAX_ERROR) : b.toString();
    }
}
