package rol.task.plan;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.Topics;
import rol.platform.event.report.ReportPublishedV1;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class WorkPlanFromReportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Test
    void aPublishedReportBecomesAWorkPlan() throws Exception {
        String reportId = UUID.randomUUID().toString();
        send(reportId, EventJson.write(published(reportId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> plans(reportId) == 1);
        given().queryParam("reportId", reportId).when().get("/api/work-plans")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].issuer", equalTo("某区司法局"))
                .body("items[0].planYear", equalTo(2025))
                .body("items[0].district", equalTo("licheng"));
        String planId = given().queryParam("reportId", reportId).when().get("/api/work-plans")
                .then().extract().path("items[0].id");
        given().when().get("/api/work-plans/" + planId).then().statusCode(200).body("reportId", equalTo(reportId));
    }

    @Test
    void eachLeafPlanItemBecomesADraftTaskAnnouncedByAnEvent() throws Exception {
        String reportId = UUID.randomUUID().toString();
        ReportPublishedV1 report = new ReportPublishedV1(reportId, "licheng", "某区司法局", "某区司法局2024年法治政府建设情况报告",
                2024, 2025, List.of(
                new ReportPublishedV1.PlanItem("plan-1", null, "主题", "主题。一是……二是……", false, null),
                new ReportPublishedV1.PlanItem("plan-1.1", "plan-1", "甲", "一是甲。", true, null),
                new ReportPublishedV1.PlanItem("plan-1.2", "plan-1", "乙", "二是乙。", true, null)),
                List.of());
        send(reportId, EventJson.write(PublishedReports.event(report)));

        await().atMost(Duration.ofSeconds(30)).until(() -> plans(reportId) == 1);
        assertEquals(2, count("select count(*) from task where report_id = ?::uuid and state = 'DRAFT'", reportId));
        assertEquals(2, count("select count(*) from outbox_event o join task t on o.event_key = t.id::text"
                + " where t.report_id = ?::uuid and o.event_type = 'task.created.v1'", reportId));
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneWorkPlan() throws Exception {
        String reportId = UUID.randomUUID().toString();
        String event = EventJson.write(published(reportId));
        String marker = UUID.randomUUID().toString();
        send(reportId, event);
        send(reportId, event);
        // a later event on the same partition tells us both copies were consumed
        send(reportId, EventJson.write(published(marker, reportId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(EventJson.read(event).id()) == 1 && inbox(marker) == 1);
        assertEquals(1, plans(reportId));
    }

    @Test
    void anUnreadableEventIsRecordedAsRejectedAndDoesNotBlockThoseAfterIt() throws Exception {
        String reportId = UUID.randomUUID().toString();
        send(reportId, "{this is not an event");
        send(reportId, EventJson.write(published(reportId)));

        await().atMost(Duration.ofSeconds(30)).until(() -> plans(reportId) == 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select count(*) from inbox_event where outcome = 'REJECTED' and event_type = 'unreadable'");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "the unreadable event is kept as rejected");
        }
    }

    @Test
    void anUnknownWorkPlanIs404() {
        given().when().get("/api/work-plans/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static CloudEvent published(String reportId) {
        return published(UUID.randomUUID().toString(), reportId);
    }

    private static CloudEvent published(String eventId, String reportId) {
        ReportPublishedV1 data = new ReportPublishedV1(reportId, "licheng", "某区司法局", "某区司法局2024年法治政府建设情况报告",
                2024, 2025, List.of(), List.of());
        return new CloudEvent(null, eventId, "/report-service", ReportPublishedV1.TYPE, reportId,
                OffsetDateTime.now(), null, EventJson.tree(data));
    }

    private void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORT_EVENTS, key, value)).get();
        }
    }

    private long plans(String reportId) throws SQLException {
        return count("select count(*) from work_plan where report_id = ?::uuid", reportId);
    }

    private long inbox(String eventId) throws SQLException {
        return count("select count(*) from inbox_event where event_id = ?", eventId);
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
