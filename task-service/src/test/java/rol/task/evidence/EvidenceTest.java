package rol.task.evidence;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.*;

/** 佐证材料: who may upload and read, what is refused (nothing stored then), and a Chinese name there and back. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class EvidenceTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};

    @AfterEach
    void signOut() {
        As.nobody();
    }

    /** File names in UTF-8, as browsers send them (RestAssured's default mode writes them as ASCII). */
    static RequestSpecification form() {
        return given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
    }

    static ValidatableResponse upload(String task, String name, byte[] content) {
        return form().multiPart("file", name, content, "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder("第一季度案卷评查通报").controlName("description")
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build())
                .post("/api/tasks/" + task + "/evidence").then();
    }

    /** The task's evidence files and history entries, as one number that any write changes. */
    private static long stored(String task) {
        return count("select count(*) from evidence_file where task_id = cast(? as uuid)", task) * 1_000_000
                + count("select count(*) from task_history where task_id = cast(? as uuid)", task);
    }

    @Test
    void theOfficeTheLeadAndCoDepartmentsUploadOthersMayNot() {
        String task = draft();
        acknowledged(task);
        As.office();
        upload(task, "通报.pdf", PDF).statusCode(201).contentType("application/json")
                .body("contentType", equalTo("application/pdf")).body("capacity", equalTo("OFFICE"))
                .body("uploadedBy", equalTo("office1")).body("district", equalTo("licheng"))
                .body("department", equalTo(null)).body("size", equalTo(PDF.length));
        As.judicial();
        upload(task, "照片.png", PNG).statusCode(201).body("capacity", equalTo("LEAD_DEPARTMENT"))
                .body("department", equalTo("judicial-bureau")).body("contentType", equalTo("image/png"));
        As.market();
        upload(task, "说明.txt", "配合单位的说明。".getBytes(StandardCharsets.UTF_8)).statusCode(201)
                .body("capacity", equalTo("CO_DEPARTMENT")).body("contentType", equalTo("text/plain"));

        long before = stored(task);
        As.street();
        upload(task, "a.pdf", PDF).statusCode(404).contentType("application/problem+json");
        As.leader();
        upload(task, "a.pdf", PDF).statusCode(403).contentType("application/problem+json");
        As.auditor();
        upload(task, "a.pdf", PDF).statusCode(403).contentType("application/problem+json");
        As.nobody();
        upload(task, "a.pdf", PDF).statusCode(401);
        assertEquals(before, stored(task), "nothing stored on refusal");

        // read: everyone who reads the task, in upload order; another department neither lists nor downloads
        for (Runnable who : List.<Runnable>of(As::office, As::judicial, As::market, As::leader, As::auditor)) {
            who.run();
            String id = given().get("/api/tasks/" + task + "/evidence").then().statusCode(200)
                    .body("total", equalTo(3)).body("items.fileName", equalTo(List.of("通报.pdf", "照片.png", "说明.txt")))
                    .extract().path("items[0].id");
            byte[] body = given().get("/api/tasks/" + task + "/evidence/" + id).then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertArrayEquals(PDF, body);
        }
        As.office();
        String id = given().get("/api/tasks/" + task + "/evidence").then().extract().path("items[0].id");
        As.street();
        given().get("/api/tasks/" + task + "/evidence").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/tasks/" + task + "/evidence/" + id).then().statusCode(404);
        As.nobody();
        given().get("/api/tasks/" + task + "/evidence").then().statusCode(401);
        given().get("/api/tasks/" + task + "/evidence/" + id).then().statusCode(401);
    }

    @Test
    void uploadingFollowsTheStatesWhereProgressMayBeReported() {
        String task = draft();
        long before = stored(task);
        As.office();
        upload(task, "a.pdf", PDF).statusCode(409).body("state", equalTo("DRAFT"))
                .body("action", equalTo("REPORT_PROGRESS"));
        assertEquals(before, stored(task), "nothing stored on refusal");
        dispatched(task);
        before = stored(task);
        As.judicial();
        upload(task, "a.pdf", PDF).statusCode(409).body("state", equalTo("DISPATCHED"));
        assertEquals(before, stored(task), "nothing stored on refusal");
        post(task, "acknowledge", null).statusCode(200);
        upload(task, "a.pdf", PDF).statusCode(201);
        post(task, "progress", Map.of("percent", 100)).statusCode(200);
        upload(task, "b.pdf", PDF).statusCode(201);
        post(task, "submit", null).statusCode(200);
        before = stored(task);
        upload(task, "c.pdf", PDF).statusCode(409).body("state", equalTo("SUBMITTED"));
        assertEquals(before, stored(task), "nothing stored on refusal");
        As.office();
        post(task, "return", Map.of("reason", "佐证不足")).statusCode(200);
        As.market();
        upload(task, "c.pdf", PDF).statusCode(201);
    }

    @Test
    void eachKindOfBadFileIsRefusedAndNothingIsStored() throws IOException {
        String task = draft();
        acknowledged(task);
        As.judicial();
        long before = stored(task);

        upload(task, "空.pdf", new byte[0]).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file")).body("errors[0].message", containsString("空"));
        given().multiPart("description", "没有文件").post("/api/tasks/" + task + "/evidence").then()
                .statusCode(400).body("errors[0].field", equalTo("file"));

        // from a file on disk: a 20 MB array in the test client would cost the shared test JVM several copies
        Path big = Files.createTempFile("evidence", ".txt");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "第一季度案卷评查情况。\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        form().multiPart(new MultiPartSpecBuilder(big.toFile()).controlName("file").fileName("大.txt").build())
                .post("/api/tasks/" + task + "/evidence").then()
                .statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("文件过大")).body("detail", containsString("最大 20.0 MB"))
                .body("detail", containsString("有 20.1 MB"));
        Files.delete(big);

        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        upload(task, "通报.pdf", exe).statusCode(415).contentType("application/problem+json")
                .body("title", equalTo("不支持的文件类型")).body("detail", containsString("可执行程序"))
                .body("detectedType", equalTo("application/x-msdownload"));
        upload(task, "页面.txt", "<html><body>通报</body></html>".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .body("detectedType", equalTo("text/html"));
        upload(task, "报告", docx()).statusCode(415).body("detail", containsString("扩展名"));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        upload(task, "noise.pdf", noise).statusCode(415);

        assertEquals(before, stored(task), "nothing stored on refusal");
        // the same Word file with its name is accepted: the name refines what the content says
        upload(task, "报告.docx", docx()).statusCode(201)
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @Test
    void aChineseNameGoesThereAndBackWithTheSameBytes() throws Exception {
        String task = draft();
        acknowledged(task);
        String name = "关于行政执法案卷评查的情况报告（第一季度）.pdf";
        byte[] content = (new String(PDF, StandardCharsets.US_ASCII) + "x".repeat(1_500_000)).getBytes(StandardCharsets.US_ASCII);
        As.judicial();
        var created = upload(task, name, content).statusCode(201)
                .header("Location", containsString("/api/tasks/" + task + "/evidence/"))
                .body("fileName", equalTo(name)).body("description", equalTo("第一季度案卷评查通报"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))))
                .extract();
        String url = created.path("url");
        var download = given().get(url).then().statusCode(200).contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                // the stored size up front, not chunked: a browser shows the download's progress
                .header("Content-Length", String.valueOf(content.length))
                .header("Transfer-Encoding", nullValue()).extract();
        assertArrayEquals(content, download.asByteArray(), "the bytes as uploaded (several slices)");
        String disposition = download.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; "), disposition);
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertEquals(name, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        assertTrue(disposition.contains("filename=\"") && disposition.contains(".pdf\""), disposition);
    }

    @Test
    void progressReportsReferenceUploadedFilesOfTheSameTaskOnly() {
        String task = draft();
        String other = draft();
        acknowledged(task);
        acknowledged(other);
        As.judicial();
        String fileId = upload(task, "通报.pdf", PDF).statusCode(201).extract().path("id");
        String othersFile = upload(other, "其他.pdf", PDF).statusCode(201).extract().path("id");

        long reports = count("select count(*) from progress_report");
        post(task, "progress", Map.of("percent", 30, "evidence", List.of(Map.of("kind", "file", "fileId", othersFile))))
                .statusCode(400).body("errors[0].field", equalTo("evidence[0].fileId"));
        post(task, "progress", Map.of("percent", 30, "evidence", List.of(
                        Map.of("kind", "link", "url", "https://example.gov.cn/a"),
                        Map.of("kind", "file", "fileId", "not-an-id"))))
                .statusCode(400).body("errors[0].field", equalTo("evidence[1].fileId"));
        assertEquals(reports, count("select count(*) from progress_report"), "no report stored");

        post(task, "progress", Map.of("percent", 30, "evidence", List.of(Map.of("kind", "file", "fileId", fileId,
                "name", "客户端写的名字", "size", 1)))).statusCode(200);
        String url = "/api/tasks/" + task + "/evidence/" + fileId;
        List<List<Object>> stored = rows("select evidence::text from progress_report where task_id = cast(? as uuid)"
                + " and percent = 30", task);
        assertTrue(stored.get(0).get(0).toString().contains(url), stored.toString());
        assertTrue(stored.get(0).get(0).toString().contains("通报.pdf"), "the stored name, not the client's");
        String event = events(task).stream().filter(e -> e.get(0).equals("task.progress-reported.v1"))
                .map(e -> e.get(1).toString()).reduce((a, b) -> b).orElseThrow();
        assertTrue(event.contains(url) && event.contains("\"size\": " + PDF.length), event);
    }

    @Test
    void anUploadIsInTheHistoryAndTheTaskView() {
        String task = draft();
        acknowledged(task);
        As.market();
        String id = upload(task, "照片.png", PNG).statusCode(201).extract().path("id");
        As.office();
        given().get("/api/tasks/" + task + "/history").then().statusCode(200)
                .body("items.action", hasItem("UPLOAD_EVIDENCE"))
                .body("items.find { it.action == 'UPLOAD_EVIDENCE' }.actor", equalTo("market1"))
                .body("items.find { it.action == 'UPLOAD_EVIDENCE' }.capacity", equalTo("CO_DEPARTMENT"))
                .body("items.find { it.action == 'UPLOAD_EVIDENCE' }.detail.evidence.id", equalTo(id))
                .body("items.find { it.action == 'UPLOAD_EVIDENCE' }.stateAfter", equalTo("ACKNOWLEDGED"));
        As.leader();
        given().get("/api/tasks/" + task).then().statusCode(200)
                .body("evidence", hasSize(1)).body("evidence[0].fileName", equalTo("照片.png"))
                .body("evidence[0].url", equalTo("/api/tasks/" + task + "/evidence/" + id));
        given().queryParam("size", 200).get("/api/tasks").then().statusCode(200)
                .body("items.find { it.id == '" + task + "' }.evidence[0].id", equalTo(id));
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("第一季度案卷评查情况");
            doc.write(out);
            return out.toByteArray();
        }
    }
}
