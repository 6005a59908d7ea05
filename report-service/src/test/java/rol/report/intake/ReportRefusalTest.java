package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rol.report.parse.TestDocuments;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rol.testsupport.ProblemAnswers.assertProblem;
import static rol.testsupport.ProblemAnswers.raw;

/** Every input that is not a report is refused with a problem a clerk can read, and nothing is stored. */
@QuarkusTest
@TestSecurity(user = "office1", roles = "office")
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportRefusalTest {

    @Inject
    DataSource dataSource;

    private long reportsBefore;
    private long outboxBefore;

    @BeforeEach
    void countBefore() throws SQLException {
        reportsBefore = Samples.count(dataSource, "select count(*) from report");
        outboxBefore = Samples.count(dataSource, "select count(*) from outbox_event");
    }

    @AfterEach
    void nothingWasStored() throws SQLException {
        assertEquals(reportsBefore, Samples.count(dataSource, "select count(*) from report"), "no report stored");
        assertEquals(outboxBefore, Samples.count(dataSource, "select count(*) from outbox_event"), "no event written");
    }

    @Test
    void anEmptyUploadIs400() {
        given().contentType("text/plain; charset=UTF-8").body("  \n\t ")
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("报告内容为空")).body("detail", containsString("没有文字"));
        given().multiPart("file", "empty.docx", new byte[0])
                .when().post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("报告内容为空"));
        given().multiPart("issuer", "某区司法局")
                .when().post("/api/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void binaryGarbageIs415SayingWhatItLooksLike() {
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        given().multiPart("file", "report.txt", noise)
                .when().post("/api/reports")
                .then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("不支持的文件类型"))
                .body("detail", containsString("无法识别的二进制数据"));
        given().contentType("text/plain; charset=UTF-8").body(noise)
                .when().post("/api/reports")
                .then().statusCode(415).body("title", equalTo("不支持的文件类型"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        given().multiPart("file", "scan.docx", png)
                .when().post("/api/reports")
                .then().statusCode(415).body("detail", containsString("图片")).body("detectedType", equalTo("image/png"));
    }

    @Test
    void aBodyThatIsNotTextIs415() {
        given().contentType("application/octet-stream").body(Samples.report().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/reports")
                .then().statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("不支持的文件或内容类型"));
    }

    /** Refused before the application runs (platform's checks and mappers): answered like every other refusal. */
    @Test
    void requestsTheFrameworkRefusesAreProblemsToo() {
        assertProblem(given().contentType("application/json").body("{\"title\": \"报告\"}").post("/api/reports"), 415)
                .body("type", equalTo("urn:rol:problem:http-415"));
        byte[] text = Samples.report().getBytes(StandardCharsets.UTF_8);
        raw("POST", "/api/reports", text, "Content-Length: " + text.length).assertProblem(415);
        assertProblem(given().get("/api/no-such-thing"), 404);
        assertProblem(given().contentType("application/json").body("{\"title\": ").patch("/api/reports/" + UUID.randomUUID()), 400)
                .body("type", equalTo("urn:rol:problem:malformed-json"));
    }

    @Test
    void aZipBombDocxIs413() throws IOException {
        byte[] bomb = TestDocuments.zipBombDocx();
        given().multiPart("file", "report.docx", bomb)
                .when().post("/api/reports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("文件过大")).body("detail", containsString("解压"));
    }

    @Test
    void aFileOverTheLimitIs413WithTheApplicationsOwnAnswer() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        given().multiPart("file", "big.txt", big)
                .when().post("/api/reports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("文件过大")).body("detail", containsString("10.0 MB"));
        given().contentType("text/plain; charset=UTF-8").body(big)
                .when().post("/api/reports")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("10.0 MB"));
    }

    @Test
    void textWithoutAReportStructureIs422NamingWhatIsMissing() throws IOException {
        given().contentType("text/plain; charset=UTF-8").body("今天天气很好，我们去公园散步，看见很多人在跳舞，也有人在下棋，大家都很开心。")
                .when().post("/api/reports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("无法识别为报告"))
                .body("missing", equalTo(List.of("title", "achievements", "plan")))
                .body("detail", containsString("报告标题、工作成效部分、下一年工作计划（工作思路）部分"));
        given().multiPart("file", "notes.docx", docx("lorem ipsum dolor sit amet\n".repeat(20)))
                .when().post("/api/reports")
                .then().statusCode(422).body("missing", equalTo(List.of("chinese-text")))
                .body("detail", containsString("中文正文"));
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

}
