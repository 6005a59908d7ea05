package rol.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.platform.event.CloudEvent;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.inbox.EventHandler;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Turns {@code report-events} into work plans; runs in the inbox transaction, so each event has its effect once. */
@ApplicationScoped
public class ReportEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ReportEventsHandler.class);

    @Inject
    Clock clock;

    @Override
    public void handle(CloudEvent event) {
        if (ReportPublishedV1.TYPE.equals(event.type())) {
            published(event.dataAs(ReportPublishedV1.class));
        } else {
            LOG.debugf("ignoring %s: task-service has no use for it", event.type());
        }
    }

    private void published(ReportPublishedV1 report) {
        UUID reportId;
        try {
            reportId = UUID.fromString(report.reportId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("report.published.v1 without a valid reportId: " + report.reportId());
        }
        if (WorkPlan.byReport(reportId).isPresent()) {
            return;
        }
        WorkPlan plan = new WorkPlan();
        plan.id = UUID.randomUUID();
        plan.district = report.district();
        plan.reportId = reportId;
        plan.issuer = report.issuer();
        plan.title = report.title();
        plan.reportYear = report.reportYear();
        plan.planYear = report.planYear();
        plan.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        plan.persist();
    }
}
