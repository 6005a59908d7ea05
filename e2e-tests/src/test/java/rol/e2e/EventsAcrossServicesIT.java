package rol.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rol.testsupport.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The running system, as ./stack starts it: an event written by report-service changes state in task-service
 * through Kafka, also when the broker was down while the reports were published.
 */
class EventsAcrossServicesIT {

    private static final TestStack STACK = TestStack.E2E;
    private static final String[] ALL = {"postgres", "kafka", "report-service", "task-service", "notification-service"};

    @BeforeAll
    static void startTheSystem() {
        STACK.upFresh(ALL);
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        STACK.down();
        try (Stream<Path> pids = Files.list(STACK.stackDir().resolve("run"))) {
            List<Path> left = pids.filter(p -> p.toString().endsWith(".pid")).toList();
            assertEquals(List.of(), left, "./stack down leaves nothing running");
        }
    }

    private static RequestSpecification service(int port) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port);
    }

    @Test
    void everyServiceIsReadyAndServesItsApiDescription() {
        for (int port : List.of(STACK.reportPort(), STACK.taskPort(), STACK.notificationPort())) {
            service(port).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            service(port).accept("application/json").get("/q/openapi").then().statusCode(200).body("$", hasKey("openapi"));
        }
    }

    @Test
    void aReportPublishedInReportServiceBecomesAWorkPlanInTaskService() {
        String reportId = receiveAndPublish();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                service(STACK.taskPort()).queryParam("reportId", reportId).get("/api/work-plans")
                        .then().statusCode(200).body("total", equalTo(1)).body("items[0].reportId", equalTo(reportId)));
    }

    @Test
    void reportsPublishedWhileKafkaIsDownReachTaskServiceOnceItIsBack() {
        STACK.down("kafka");
        List<String> reports = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                reports.add(receiveAndPublish());
            }
        } finally {
            STACK.up("kafka");
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String reportId : reports) {
                service(STACK.taskPort()).queryParam("reportId", reportId).get("/api/work-plans")
                        .then().statusCode(200).body("total", equalTo(1));
            }
        });
        // and only once: nothing arrives twice later
        int total = service(STACK.taskPort()).get("/api/work-plans").then().extract().path("total");
        assertFalse(reports.isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                service(STACK.taskPort()).get("/api/work-plans").then().extract().<Integer>path("total") == total);
    }

    /** A new report (unique text), published; answers its id. */
    private static String receiveAndPublish() {
        String text = "某区市场监管局关于2024年法治政府建设情况的报告\n" + UUID.randomUUID() + "\n";
        String id = service(STACK.reportPort()).contentType(ContentType.TEXT).body(text)
                .queryParam("issuer", "某区市场监管局").queryParam("year", 2024)
                .post("/api/reports").then().statusCode(201).extract().path("id");
        service(STACK.reportPort()).post("/api/reports/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return id;
    }
}
