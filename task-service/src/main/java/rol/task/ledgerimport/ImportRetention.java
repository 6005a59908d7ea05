package rol.task.ledgerimport;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Deletes uploads the office never committed once they are older than {@code ledger-import.keep-uncommitted}: each
 * holds a whole ledger's rows, and an abandoned preview would otherwise stay forever. Committed imports stay, since
 * the tasks they wrote point at them.
 */
@ApplicationScoped
public class ImportRetention {

    private static final Logger LOG = Logger.getLogger(ImportRetention.class);

    @Inject
    ImportConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public int removeAbandoned(OffsetDateTime now) {
        return em.createNativeQuery("delete from ledger_import where committed_at is null and uploaded_at < ?1")
                .setParameter(1, now.minus(config.keepUncommitted())).executeUpdate();
    }

    // every instance may run it: deleting what is already gone does no harm
    @Scheduled(every = "${ledger-import.cleanup-every:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        int removed = removeAbandoned(OffsetDateTime.now(clock));
        if (removed > 0) {
            LOG.infof("removed %d ledger uploads that were never committed", removed);
        }
    }
}
