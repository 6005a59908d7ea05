package rol.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static rol.e2e.RunningSystem.as;
import static rol.e2e.RunningSystem.report;
import static rol.e2e.RunningSystem.task;

/**
 * A report through the running system with real tokens: uploaded, corrected by the office, published, read by a
 * leader with the contact masked; and the synthetic reports other suites use (the service refuses text that is not a
 * report, so a title line alone no longer makes a draft).
 */
@ExtendWith(RunningSystem.class)
class ReportCorrectionIT {

    /** How many plan items {@link #text()} has, so how many tasks its publication makes. */
    static final int PLAN_ITEMS = 3;

    /** A small synthetic report, unique per call: three plan items, two problems, one achievement theme, a contact. */
    static String text() {
        StringBuilder nonce = new StringBuilder();
        for (char d : Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE)).toCharArray()) {
            nonce.append("零一二三四五六七八九".charAt(d - '0'));
        }
        return """
                某某区市场监管局关于2024年度法治政府建设情况的报告
                区委、区政府：
                一、2024年度工作成效
                （一）强化统筹
                1.深入学习法治思想。开展专题学习 4 次，编为第%s期。
                2.完善制度建设。出台规范性文件 3 件。
                二、存在问题
                一是普法形式缺乏创新；二是信息化水平不够。
                三、2025年工作思路
                一是深化执法监督。二是建设复议系统。三是加强普法宣传。
                某某区市场监管局
                2025年2月17日
                （联系人：张三丰 联系电话：13812345678）
                """.formatted(nonce);
    }

    /** A new draft as office1; answers its id. */
    static String receive() {
        return as(report(), "office1").contentType("text/plain; charset=UTF-8").body(text())
                .post("/api/reports").then().statusCode(201).extract().path("id");
    }

    static String receiveAndPublish() {
        String id = receive();
        as(report(), "office1").post("/api/reports/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        return id;
    }

    @Test
    void aCorrectedReportIsPublishedWithItsCorrectionsAndLeadersSeeTheContactMasked() {
        String id = receive();
        String etag = as(report(), "office1").get("/api/reports/" + id).then().statusCode(200)
                .body("contact.name", equalTo("张三丰")).extract().header("ETag");
        as(report(), "office1").contentType("application/json").header("If-Match", etag)
                .body(Map.of("ids", List.of("plan-2", "plan-3"))).post("/api/reports/" + id + "/plan/merge")
                .then().statusCode(200).body("plan.id", equalTo(List.of("plan-1", "plan-2")));
        as(report(), "office2").contentType("application/json").header("If-Match", etag)
                .body(Map.of("text", "过时的修改")).put("/api/reports/" + id + "/plan/plan-1")
                .then().statusCode(412);
        as(report(), "office1").post("/api/reports/" + id + "/publish").then().statusCode(200);

        as(report(), "leader1").get("/api/reports/" + id).then().statusCode(200)
                .body("contact.name", equalTo("张**")).body("contact.phone", equalTo("138****5678"));
        as(report(), "auditor1").get("/api/reports/" + id + "/history").then().statusCode(200)
                .body("items[0].actor", equalTo("office1")).body("items[0].action", equalTo("merge"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(task(), "office1").queryParam("reportId", id).get("/api/work-plans")
                        .then().statusCode(200).body("total", equalTo(1)));
    }
}
