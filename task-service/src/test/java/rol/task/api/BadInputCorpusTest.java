package rol.task.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.As;
import rol.testsupport.BadFiles;
import rol.testsupport.BadInputCorpus;
import rol.testsupport.OpenApiBadInputs;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static rol.task.lifecycle.TaskFixture.acknowledged;
import static rol.task.lifecycle.TaskFixture.draft;
import static rol.task.lifecycle.TaskFixture.json;
import static rol.task.lifecycle.TaskFixture.version;

/**
 * The bad-input corpus of task-service (docs/reliability.md, "Bad input"): cases generated from the service's OpenAPI
 * document for every endpoint that takes input, plus the cases only a person thinks of (other departments' tasks,
 * replayed If-Match values, hostile uploads). Each is refused with a Chinese problem and leaves the database as it was.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class BadInputCorpusTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DataSource dataSource;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void everyBadInputIsRefusedCleanlyAndStoresNothing() {
        String draft = draft();
        String task = draft();
        acknowledged(task);
        As.office();
        String milestone = json().body(Map.of("title", "完成案卷评查", "dueDate", inDays(20)))
                .post("/api/tasks/" + task + "/milestones").then().statusCode(201).extract().path("id");
        String extension = json().body(Map.of("newDeadline", inDays(200), "reason", "机构改革"))
                .post("/api/tasks/" + task + "/extension-requests").then().statusCode(201).extract().path("id");
        long version = version(task);

        OpenApiBadInputs.Target target = OpenApiBadInputs.target(Map.of(
                "/api/tasks/{id}/dispatch#id", draft, "id", task, "mid", milestone, "rid", extension,
                "/api/departments/{id}#id", "judicial-bureau", "year", "2026", "date", "2026-10-08"), op -> As.office());
        BadInputCorpus corpus = new BadInputCorpus("task-service")
                .addAll(OpenApiBadInputs.cases(OpenApiBadInputs.document(), target,
                        // completing a milestone takes an optional note: no body is a valid request
                        List.of("empty body: POST /api/tasks/{id}/milestones/{mid}/complete")));
        otherDepartments(corpus, task);
        ifMatch(corpus, task, version);
        uploads(corpus, task);
        contacts(corpus);
        corpus.run(dataSource, Set.of(), 150);
    }

    /** A department reaching for a task it has no part in: not found, as if the task did not exist. */
    private static void otherDepartments(BadInputCorpus corpus, String task) {
        String base = "/api/tasks/" + task;
        Map<String, Object> bodies = Map.of(
                "/progress", Map.of("percent", 50, "note", "代为反馈"),
                "/acknowledge", Map.of(),
                "/submit", Map.of(),
                "/extension-requests", Map.of("newDeadline", inDays(300), "reason", "代为申请"),
                "/milestones", Map.of("title", "他人节点", "dueDate", inDays(10)));
        bodies.forEach((action, body) -> corpus.add("other department or read-only role", "street1 POST " + action, () -> {
            As.street();
            return json().body(body).post(base + action);
        }));
        corpus.add("other department or read-only role", "street1 GET the task's evidence", () -> {
            As.street();
            return given().get(base + "/evidence");
        });
        corpus.add("other department or read-only role", "market1 (co-department) dispatches", () -> {
            As.market();
            return json().body(Map.of("leadDepartment", "market-regulation", "deadline", inDays(30)))
                    .post(base + "/dispatch");
        });
        corpus.add("other department or read-only role", "leader1 reports progress (read only)", () -> {
            As.leader();
            return json().body(Map.of("percent", 10)).post(base + "/progress");
        });
        corpus.add("other department or read-only role", "auditor1 cancels (read only)", () -> {
            As.auditor();
            return json().body(Map.of("reason", "审计")).post(base + "/cancel");
        });
    }

    /** An If-Match from an earlier read, from the future, or not one this service gives out. */
    private static void ifMatch(BadInputCorpus corpus, String task, long version) {
        List<String> values = List.of("\"" + (version - 1) + "\"", "\"1\"", "\"" + (version + 5) + "\"",
                "\"" + (version - 1) + "\", \"" + (version - 2) + "\"", String.valueOf(version), "\"" + version + "\"x",
                "\"99999999999999999999\"", "W/", "\"" + version + "\",", "'" + version + "'", "\"-1\"");
        for (String value : values) {
            corpus.add("replayed or reordered If-Match", "progress with If-Match " + value, () -> {
                As.judicial();
                return json().header("If-Match", value).body(Map.of("percent", 30, "note", "第二次反馈"))
                        .post("/api/tasks/" + task + "/progress");
            });
        }
        corpus.add("replayed or reordered If-Match", "PATCH with a stale If-Match", () -> {
            As.office();
            return given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body(Map.of("title", "旧版本上的修改")).patch("/api/tasks/" + task);
        });
    }

    /** Files that are not what their name says, hostile containers, and names that are paths. */
    private static void uploads(BadInputCorpus corpus, String task) {
        String path = "/api/tasks/" + task + "/evidence";
        BadFiles.all().forEach((what, bytes) -> {
            String name = what.startsWith("docx") || what.contains("docx") ? "评查报告.docx" : "评查报告.pdf";
            corpus.add("hostile or disguised upload", what, () -> {
                As.judicial();
                return form().multiPart("file", name, bytes, "application/pdf").post(path);
            });
        });
        for (String name : BadFiles.pathNames()) {
            corpus.add("path names in file names", name.replace("\u0000", "\\0") + " holding HTML", () -> {
                As.judicial();
                return form().multiPart("file", name, "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8),
                        "application/pdf").post(path);
            });
        }
        corpus.add("empty body", "evidence: a file of no bytes", () -> {
            As.judicial();
            return form().multiPart("file", "空.pdf", new byte[0], "application/pdf").post(path);
        });
        corpus.add("missing content type", "evidence: a PDF sent as the body", () -> {
            As.judicial();
            return given().contentType("application/pdf").body(PDF).post(path);
        });
        corpus.add("NUL byte in text", "evidence: description with a NUL byte", () -> {
            As.judicial();
            return form().multiPart("file", "通报.pdf", PDF, "application/pdf")
                    .multiPart("description", "第一季度\u0000通报").post(path);
        });
        corpus.add("oversize text", "evidence: a description of 100,000 characters", () -> {
            As.judicial();
            return form().multiPart("file", "通报.pdf", PDF, "application/pdf")
                    .multiPart("description", "法".repeat(100_000)).post(path);
        });
        corpus.add("other department or read-only role", "street1 uploads evidence", () -> {
            As.street();
            return form().multiPart("file", "通报.pdf", PDF, "application/pdf").post(path);
        });
        corpus.add("path id: injection/overflow", "evidence of a task that does not exist", () -> {
            As.office();
            return form().multiPart("file", "通报.pdf", PDF, "application/pdf")
                    .post("/api/tasks/" + UUID.randomUUID() + "/evidence");
        });
    }

    /**
     * A unit's contact that is not one: numbers that are not a phone, addresses that are not an email, a contact
     * without its person or number, and a department writing its own unit's contact (only the office keeps them).
     * (NUL bytes, oversize text and wrong JSON types of each field come from the OpenAPI example.)
     */
    private static void contacts(BadInputCorpus corpus) {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        for (String phone : List.of("12345", "0595-123", "电话13812345678", "13812345678、13912345678",
                "0595-22561234转", "'; drop table department; --", "+1 2025550123", "0595-0000 0001")) {
            cases.put("phone " + phone, Map.of("contactName", "张三", "contactPhone", phone));
        }
        for (String email : List.of("fzb@", "@licheng.gov.cn", "fzb@licheng", "a b@licheng.gov.cn",
                "<script>@x.cn", "fzb@licheng.gov.cn\nBcc: x@y.cn")) {
            cases.put("email " + email, Map.of("contactName", "张三", "contactPhone", "13800000000",
                    "contactEmail", email));
        }
        cases.put("email without a person or phone", Map.of("contactEmail", "fzb@licheng.gov.cn"));
        cases.put("address without a person or phone", Map.of("contactAddress", "某某路1号"));
        cases.put("a person without a phone", Map.of("contactName", "张三"));
        cases.forEach((what, contact) -> corpus.add("bad contact", "PUT judicial-bureau " + what, () -> {
            As.office();
            Map<String, Object> body = new java.util.HashMap<>(contact);
            body.put("name", "泉州市鲤城区司法局");
            body.put("kind", "government");
            return json().body(body).put("/api/departments/judicial-bureau");
        }));
        corpus.add("other department or read-only role", "judicial1 writes its own unit's contact", () -> {
            As.judicial();
            return json().body(Map.of("name", "泉州市鲤城区司法局", "kind", "government", "contactName", "张三",
                    "contactPhone", "13800000000")).put("/api/departments/judicial-bureau");
        });
    }

    /** File names in UTF-8, as browsers send them. */
    private static RequestSpecification form() {
        return given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
    }

    /** A date relative to today, as the API's rules are. */
    private static String inDays(int days) {
        return rol.task.lifecycle.TaskFixture.today().plusDays(days).toString();
    }
}
