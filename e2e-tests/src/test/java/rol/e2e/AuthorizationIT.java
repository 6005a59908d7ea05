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
        publishedReport = ReportCorrectionIT.receiveAndPublish();
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

    /** The correctable part a report path names ({@code plan}, {@code problems}, {@code achievements}), else null. */
    private static String partOf(String path) {
        for (String part : List.of("plan", "problems", "achievements")) {
            if (path.contains("/" + part)) {
                return part;
            }
        }
        return null;
    }

    /** Ids of sibling leaves of a part, in order: the top level of plan and problems, the first theme's items. */
    private static List<String> leaves(String report, String part) {
        var body = RunningSystem.as(RunningSystem.report(), "office1").get("/api/reports/" + report).then()
                .statusCode(200).extract().jsonPath();
        return part.equals("achievements") ? body.getList("achievements[0].items.id", String.class)
                : body.getList(part + ".findAll { it.children == null || it.children.isEmpty() }.id", String.class);
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
        String report = row.path().endsWith("/publish") ? ReportCorrectionIT.receive() : publishedReport;
        String path = row.path().replace("{report}", report).replace("{plan}", plan);
        String part = partOf(row.path());
        List<String> items = part == null ? List.of() : leaves(report, part);
        if (path.contains("{item}")) {
            // an item that exists at this moment (earlier office calls of other rows have changed the report)
            path = path.replace("{item}", items.isEmpty() ? "none" : items.get(0));
        }
        if (row.method().equals("POST") && row.path().equals("/api/reports")) {
            spec = spec.contentType("text/plain; charset=UTF-8").body(ReportCorrectionIT.text());
        } else if (row.method().equals("PATCH")) {
            spec = spec.contentType(ContentType.JSON).body(Map.of("issuer", "某区市场监管局"));
        } else if (row.path().endsWith("/split")) {
            spec = spec.contentType(ContentType.JSON)
                    .body(Map.of("parts", List.of(Map.of("text", "拆分之一"), Map.of("text", "拆分之二"))));
        } else if (row.path().endsWith("/merge")) {
            spec = spec.contentType(ContentType.JSON).body(Map.of("ids", items.size() >= 2 ? items.subList(0, 2) : items));
        } else if (part != null && (row.method().equals("PUT") || row.method().equals("POST"))) {
            spec = spec.contentType(ContentType.JSON).body(Map.of("text", "授权测试中写入的内容。"));
        } else if (row.method().equals("POST") || row.method().equals("PUT")) {
            // an empty object: the role decides before the body does (office gets 400 for it, still "allowed")
            spec = spec.contentType(ContentType.JSON).body("{}");
        }
        return spec.request(row.method(), path).then().extract().statusCode();
    }
}
