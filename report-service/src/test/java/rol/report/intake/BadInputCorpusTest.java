package rol.report.intake;

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
import rol.testsupport.ProblemAnswers;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The bad-input corpus of report-service (docs/reliability.md, "Bad input"): cases generated from the service's OpenAPI
 * document for every endpoint that takes input, plus uploads that are not reports or attack the reader. Each is
 * refused with a Chinese problem and leaves the database as it was.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class BadInputCorpusTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void everyBadInputIsRefusedCleanlyAndStoresNothing() {
        As.office();
        String draft = given().contentType("text/plain; charset=UTF-8").body(Samples.report())
                .post("/api/reports").then().statusCode(201).extract().path("id");
        String etag = given().get("/api/reports/" + draft).then().statusCode(200).extract().header("ETag");

        OpenApiBadInputs.Target target = OpenApiBadInputs.target(
                Map.of("id", draft, "part", "plan", "itemId", "plan-1"), op -> As.office());
        BadInputCorpus corpus = new BadInputCorpus("report-service")
                .addAll(OpenApiBadInputs.cases(OpenApiBadInputs.document(), target, List.of()));
        uploads(corpus);
        texts(corpus);
        ifMatch(corpus, draft, etag);
        corpus.run(dataSource, Set.of(), 100);
    }

    /** Files that are not reports, hostile containers, names that are paths, and form fields out of range. */
    private static void uploads(BadInputCorpus corpus) {
        BadFiles.all().forEach((what, bytes) -> corpus.add("hostile or disguised upload", what, () -> {
            As.office();
            return form().multiPart("file", what.contains("docx") ? "报告.docx" : "报告.pdf", bytes, "application/pdf")
                    .post("/api/reports");
        }));
        byte[] noise = new byte[4096];
        new Random(20).nextBytes(noise);
        for (String name : BadFiles.pathNames()) {
            corpus.add("path names in file names", name.replace("\u0000", "\\0") + " holding binary noise", () -> {
                As.office();
                return form().multiPart("file", name, noise, "application/octet-stream").post("/api/reports");
            });
        }
        byte[] report = Samples.report().getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = Map.of("year=99999999999999999999", "year", "year=-2024", "year",
                "year=9999", "year", "year=二〇二四", "year", "issuer with a NUL byte", "issuer",
                "issuer of 100,000 characters", "issuer");
        fields.forEach((what, field) -> corpus.add("form field out of range", what, () -> {
            As.office();
            String value = what.startsWith("year=") ? what.substring(5)
                    : what.contains("NUL") ? "区司法局\u0000" : "法".repeat(100_000);
            return form().multiPart("file", "报告.txt", report, "text/plain").multiPart(field, value).post("/api/reports");
        }));
        corpus.add("empty body", "multipart without a file", () -> {
            As.office();
            return form().multiPart("issuer", "区司法局").post("/api/reports");
        });
        corpus.add("other department or read-only role", "a department uploads a report", () -> {
            As.judicial();
            return form().multiPart("file", "报告.txt", report, "text/plain").post("/api/reports");
        });
    }

    /** Report text sent as the body: broken encodings, NUL bytes, things that are not text at all. */
    private static void texts(BadInputCorpus corpus) {
        String text = Samples.report();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] broken = utf8.clone();
        for (int i = 40; i < broken.length; i += 97) {
            broken[i] = (byte) 0xFF;
        }
        Map<String, byte[]> bodies = Map.of(
                "invalid UTF-8 throughout", broken,
                "NUL bytes between the lines", text.replace("\n", "\u0000\n").getBytes(StandardCharsets.UTF_8),
                "UTF-16 declared as UTF-8", text.getBytes(StandardCharsets.UTF_16LE));
        bodies.forEach((what, bytes) -> corpus.add(what.contains("NUL") ? "NUL byte in text" : "invalid UTF-8",
                "report text: " + what, () -> {
                    As.office();
                    return given().contentType("text/plain; charset=UTF-8").body(bytes).post("/api/reports");
                }));
        corpus.add("wrong content type", "report text sent as a PDF", () -> {
            As.office();
            return given().contentType("application/pdf").body(utf8).post("/api/reports");
        });
        corpus.addRaw("missing content type", "report text without Content-Type", () -> {
            As.office();
            return ProblemAnswers.raw("POST", "/api/reports", utf8, "Content-Length: " + utf8.length);
        });
        corpus.add("oversize body", "a report text of 11 MB", () -> {
            As.office();
            return given().contentType("text/plain; charset=UTF-8").body("法".repeat(11 * 1024 * 1024 / 3 + 1))
                    .post("/api/reports");
        });
    }

    /** Writes with an If-Match from before, from the future, or not of this service. */
    private static void ifMatch(BadInputCorpus corpus, String id, String etag) {
        long version = Long.parseLong(etag.replaceAll("\\D", ""));
        for (String value : List.of("\"" + (version + 1) + "\"", "\"" + (version + 70) + "\", \"" + (version + 30) + "\"",
                String.valueOf(version), "\"abc\"", "\"" + version + "\";drop table report")) {
            corpus.add("replayed or reordered If-Match", "publish with If-Match " + value, () -> {
                As.office();
                return given().header("If-Match", value).post("/api/reports/" + id + "/publish");
            });
            corpus.add("replayed or reordered If-Match", "PATCH with If-Match " + value, () -> {
                As.office();
                return given().contentType("application/merge-patch+json").header("If-Match", value)
                        .body(Map.of("title", "改过的标题")).patch("/api/reports/" + id);
            });
        }
    }

    /** File names in UTF-8, as browsers send them. */
    private static RequestSpecification form() {
        return given().config(RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)));
    }
}
