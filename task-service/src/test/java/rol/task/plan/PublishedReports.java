package rol.task.plan;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.report.ReportPublishedV1;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Applies a report.published.v1 the way the inbox does (in a transaction), without the round trip through Kafka. */
public final class PublishedReports {

    private PublishedReports() {
    }

    public static CloudEvent event(ReportPublishedV1 report) {
        return new CloudEvent(null, UUID.randomUUID().toString(), "/report-service", ReportPublishedV1.TYPE,
                report.reportId(), OffsetDateTime.now(), null, EventJson.tree(report));
    }

    public static void publish(ReportPublishedV1 report) {
        ReportEventsHandler handler = Arc.container().instance(ReportEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event(report)));
    }
}
