package rol.e2e;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasKey;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.notification;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * The running system, as ./stack starts it: an event written by report-service changes state in task-service
 * through Kafka, also when the broker was down while the reports were published.
 */
@ExtendWith(RunningSystem.class)
class EventsAcrossServicesIT {

    private static final TestStack STACK = RunningSystem.STACK;

    @Test
    void everyServiceIsReadyAndServesItsApiDescription() {
        for (RequestSpecification service : List.of(report(), task(), notification())) {
            service.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
        for (RequestSpecification service : List.of(report(), task(), notification())) {
            service.accept("application/json").get("/q/openapi").then().statusCode(200).body("$", hasKey("openapi"));
        }
    }

    @Test
    void aReportPublishedInReportServiceBecomesAWorkPlanInTaskService() {
        String reportId = ReportCorrectionIT.receiveAndPublish();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(task(), "leader1").queryParam("reportId", reportId).get("/api/work-plans")
                        .then().statusCode(200).body("total", equalTo(1)).body("items[0].reportId", equalTo(reportId)));
        // one draft task per plan item
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(task(), "office1").queryParam("reportId", reportId).get("/api/tasks")
                        .then().statusCode(200).body("total", equalTo(3))
                        .body("items.state", everyItem(equalTo("DRAFT")))
                        .body("items.suggestion", everyItem(notNullValue())));
    }

    @Test
    void reportsPublishedWhileKafkaIsDownReachTaskServiceOnceItIsBack() {
        STACK.down("kafka");
        List<String> reports = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                reports.add(ReportCorrectionIT.receiveAndPublish());
            }
        } finally {
            STACK.up("kafka");
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String reportId : reports) {
                as(task(), "office1").queryParam("reportId", reportId).get("/api/work-plans")
                        .then().statusCode(200).body("total", equalTo(1));
            }
        });
        // and only once: nothing arrives twice later
        int total = as(task(), "office1").get("/api/work-plans").then().extract().path("total");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                as(task(), "office1").get("/api/work-plans").then().extract().<Integer>path("total") == total);
    }
}
