package rol.notification.followup;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import rol.notification.TaskEvents;
import rol.notification.progress.RowKey;
import rol.notification.progress.Scope;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskV1;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * report-service's follow-up events reach the rollups through {@code report-events} and the inbox: a confirmed
 * REPORTED_DONE counts as a plan item reported done (once, however often the event arrives); a new verdict drops the
 * decision taken on the old one; a decision that is neither CONFIRMED nor REJECTED is rejected and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class PlanFollowUpEventsTest {

    private static final String DISTRICT = "follow-up-test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    TaskEvents events;

    @Inject
    ReportedDone reportedDone;

    @Test
    void aConfirmedReportedDoneCountsOnceAndANewVerdictDropsTheDecision() throws Exception {
        TaskV1 task = events.inDistrict(events.dispatched("深化“鲤小司”普法品牌", LocalDate.parse("2026-12-31")),
                DISTRICT);
        events.apply("task.dispatched.v1", task);
        String later = UUID.randomUUID().toString();

        CloudEvent confirmed = FollowUpEvents.decided(task, later, "REPORTED_DONE", "CONFIRMED");
        send(FollowUpEvents.followedUp(task, later, "REPORTED_DONE"), confirmed, confirmed);
        await().atMost(Duration.ofSeconds(30)).until(() -> done() == 1);
        assertEquals(List.of("APPLIED"), inbox(confirmed.id()), "one inbox row for the repeated event");
        assertEquals(Map.of(new RowKey(DISTRICT, Scope.DEPARTMENT, "judicial-bureau", 2026), 1L),
                reportedDone.counts(DISTRICT, Scope.DEPARTMENT, 2026, null));
        assertEquals(Map.of(), reportedDone.counts(DISTRICT, Scope.DEPARTMENT, 2025, null));

        // the later report was revised: the item is now only partly mentioned, the confirmation no longer holds
        CloudEvent revised = FollowUpEvents.followedUp(task, later, "PARTLY_MENTIONED");
        send(revised);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(revised.id()).size() == 1);
        assertEquals(0, done());
        // back to REPORTED_DONE: still undecided until the office confirms again
        CloudEvent again = FollowUpEvents.followedUp(task, later, "REPORTED_DONE");
        send(again);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(again.id()).size() == 1);
        assertEquals(0, done());

        CloudEvent bad = FollowUpEvents.decided(task, later, "REPORTED_DONE", "MAYBE");
        send(bad, FollowUpEvents.decided(task, later, "REPORTED_DONE", "CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> done() == 1);
        assertEquals(List.of("REJECTED"), inbox(bad.id()));
        assertEquals(List.of("CONFIRMED"), events.rows("select decision from plan_follow_up"
                + " where earlier_report_id = ?::uuid", task.reportId()));
    }

    private long done() {
        return reportedDone.counts(DISTRICT, Scope.DISTRICT, null, null)
                .getOrDefault(new RowKey(DISTRICT, Scope.DISTRICT, DISTRICT, 0), 0L);
    }

    private void send(CloudEvent... toSend) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : toSend) {
                producer.send(new ProducerRecord<>(Topics.REPORT_EVENTS, e.subject(), EventJson.write(e))).get();
            }
        }
    }

    private List<String> inbox(String eventId) {
        return events.rows("select outcome from inbox_event where event_id = ?", eventId);
    }
}
