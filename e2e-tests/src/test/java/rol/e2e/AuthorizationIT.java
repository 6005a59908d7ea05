package rol.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import rol.testsupport.TestStack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the matrix in docs/security.md, called with a real token of every role (and without one):
 * each answer must be what the matrix says. The matrix is read from the document, so the two cannot drift apart.
 */
@ExtendWith(RunningSystem.class)
class AuthorizationIT {

    /** One user per role; department staff carry their department claim. */
    private static final Map<String, String> USERS = Map.of(
            "office", "office1", "department", "judicial1", "leader", "leader1", "auditor", "auditor1");

    record Row(String service, String method, String path, Map<String, String> expected) {
        @Override
        public String toString() {
            return method + " " + service + path;
        }
    }

    private static String publishedReport;
    private static String plan;

    @BeforeAll
    static void records() {
        publishedReport = EventsAcrossServicesIT.receiveAndPublish();
        await().atMost(Duration.ofSeconds(20)).until(() -> RunningSystem.as(RunningSystem.task(), "office1")
                .queryParam("reportId", publishedReport).get("/api/work-plans").then().extract().<Integer>path("total") == 1);
        plan = RunningSystem.as(RunningSystem.task(), "office1").queryParam("reportId", publishedReport)
                .get("/api/work-plans").then().extract().path("items[0].id");
    }

    static List<Row> matrix() throws IOException {
        String doc = Files.readString(TestStack.root().resolve("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- matrix:start -->"), doc.indexOf("<!-- matrix:end -->"));
        List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
        List<String> header = cells(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            for (int i = 3; i < header.size(); i++) {
                expected.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), expected));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return java.util.Arrays.stream(inner.split("\\|")).map(String::strip).toList();
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws IOException {
        List<Row> rows = matrix();
        assertTrue(rows.size() >= 7, "the matrix lists the endpoints");
        List<String> wrong = new ArrayList<>();
        int unexpectedAllows = 0;
        for (Row row : rows) {
            assertEquals(USERS.keySet(), row.expected().keySet(), "the matrix has a column per role: " + row);
            int anonymous = call(row, null);
            if (anonymous != 401) {
                wrong.add(row + " without a token: " + anonymous + ", expected 401");
            }
            for (var cell : row.expected().entrySet()) {
                int status = call(row, USERS.get(cell.getKey()));
                boolean allowed = status != 401 && status != 403;
                switch (cell.getValue()) {
                    case "yes" -> {
                        if (!allowed) {
                            wrong.add(row + " as " + cell.getKey() + ": " + status + ", expected allowed");
                        }
                    }
                    case "no" -> {
                        if (status != 403) {
                            wrong.add(row + " as " + cell.getKey() + ": " + status + ", expected 403");
                            unexpectedAllows += allowed ? 1 : 0;
                        }
                    }
                    default -> wrong.add(row + ": unknown cell '" + cell.getValue() + "' for " + cell.getKey());
                }
            }
        }
        assertEquals(0, unexpectedAllows, "unexpected allows");
        assertEquals(List.of(), wrong);
    }

    private int call(Row row, String user) {
        RequestSpecification spec = switch (row.service()) {
            case "report" -> RunningSystem.report();
            case "task" -> RunningSystem.task();
            case "notification" -> RunningSystem.notification();
            default -> throw new IllegalArgumentException("unknown service " + row.service());
        };
        if (user != null) {
            spec = spec.auth().oauth2(RunningSystem.token(user));
        }
        // a fresh draft per call, so that an allowed publish is not answered 409 by the one before it
        String path = row.path()
                .replace("{report}", row.path().endsWith("/publish") ? EventsAcrossServicesIT.receive() : publishedReport)
                .replace("{plan}", plan);
        if (row.method().equals("POST") && row.path().equals("/api/reports")) {
            spec = spec.contentType(ContentType.TEXT).body("某区关于法治政府建设情况的报告\n" + UUID.randomUUID());
        } else if (row.method().equals("POST") || row.method().equals("PUT") || row.method().equals("PATCH")) {
            // an empty object: the role decides before the body does (office gets 400 for it, still "allowed")
            spec = spec.contentType(ContentType.JSON).body("{}");
        }
        return spec.request(row.method(), path).then().extract().statusCode();
    }
}
