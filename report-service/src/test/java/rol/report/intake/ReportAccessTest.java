package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.report.parse.ReportParser;
import rol.testsupport.StackResource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with reports (docs/security.md), and who sees personal data: the office sees contact names and
 * phone numbers, leaders and auditors see them masked everywhere. The end-to-end suite repeats the matrix with real
 * Keycloak tokens.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportAccessTest {

    private static final ReportParser PARSER = new ReportParser();

    @Inject
    ReportIntake intake;

    @Inject
    ReportCorrections corrections;

    private String draft() {
        return intake.receive(PARSER.parseText(Samples.report("陈丽铭", "13959291990")), null, null).report().id.toString();
    }

    /** Every endpoint, each called once with a body it would accept. */
    private static final List<Function<String, Integer>> WRITES = List.of(
            id -> given().contentType("text/plain; charset=UTF-8").body(Samples.report()).post("/api/reports").statusCode(),
            id -> given().multiPart("file", "r.txt", Samples.report().getBytes()).post("/api/reports").statusCode(),
            id -> json().body(Map.of("issuer", "某局")).patch("/api/reports/" + id).statusCode(),
            id -> json().body(Map.of("text", "新增")).post("/api/reports/" + id + "/plan").statusCode(),
            id -> json().body(Map.of("text", "改")).put("/api/reports/" + id + "/problems/problem-1").statusCode(),
            id -> given().delete("/api/reports/" + id + "/achievements/achievement-1.1").statusCode(),
            id -> json().body(Map.of("parts", List.of(Map.of("text", "甲"), Map.of("text", "乙"))))
                    .post("/api/reports/" + id + "/plan/plan-1/split").statusCode(),
            id -> json().body(Map.of("ids", List.of("problem-1", "problem-2"))).post("/api/reports/" + id + "/problems/merge").statusCode(),
            id -> given().post("/api/reports/" + id + "/publish").statusCode());

    private static final List<Function<String, Integer>> READS = List.of(
            id -> given().get("/api/reports").statusCode(),
            id -> given().get("/api/reports/" + id).statusCode(),
            id -> given().get("/api/reports/" + id + "/source").statusCode(),
            id -> given().get("/api/reports/" + id + "/history").statusCode());

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        String id = draft();
        given().get("/api/reports").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"rule-of-law\""));
        for (var call : READS) {
            assertEquals(401, call.apply(id));
        }
        for (var call : WRITES) {
            assertEquals(401, call.apply(id));
        }
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void departmentStaffHaveNoAccessToReports() {
        String id = draft();
        given().get("/api/reports").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("没有权限"));
        for (var call : READS) {
            assertEquals(403, call.apply(id));
        }
        for (var call : WRITES) {
            assertEquals(403, call.apply(id));
        }
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersReadButDoNotChange() {
        readOnly();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsReadButDoNotChange() {
        readOnly();
    }

    private void readOnly() {
        String id = draft();
        for (var call : READS) {
            assertEquals(200, call.apply(id));
        }
        for (var call : WRITES) {
            assertEquals(403, call.apply(id));
        }
        given().get("/api/reports/" + id).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeMayDoEverything() {
        String id = draft();
        for (var call : READS) {
            assertEquals(200, call.apply(id));
        }
        List<Integer> statuses = WRITES.stream().map(call -> call.apply(id)).toList();
        assertEquals(List.of(201, 201, 200, 201, 200, 200, 200, 200, 200), statuses);
    }

    @Test
    @TestSecurity(user = "office1", roles = "office")
    void theOfficeSeesTheContact() {
        String id = draft();
        given().get("/api/reports/" + id).then().statusCode(200)
                .body("contact.name", equalTo("陈丽铭")).body("contact.phone", equalTo("13959291990"));
        assertTrue(given().get("/api/reports/" + id + "/source").asString().contains("联系人：陈丽铭 联系电话：13959291990"));
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersSeeTheContactMasked() {
        masked();
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsSeeTheContactMaskedAlsoInTheHistory() {
        String id = masked();
        // an earlier contact replaced by a correction stays masked in the history
        corrections.patchMetadata(java.util.UUID.fromString(id), rol.platform.problem.IfMatch.ANY,
                Map.of("contact", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                        Map.of("name", "林小红", "phone", "0595-22345678"))));
        String history = given().get("/api/reports/" + id + "/history").then().statusCode(200)
                .body("items[0].before.contact.name", equalTo("陈**"))
                .body("items[0].after.contact.name", equalTo("林**"))
                .body("items[0].after.contact.phone", equalTo("059******5678"))
                .extract().asString();
        assertFalse(history.contains("陈丽铭") || history.contains("13959291990") || history.contains("林小红")
                || history.contains("22345678"), history);
        given().get("/api/reports/" + id).then().body("contact.name", equalTo("林**"));
    }

    private String masked() {
        String id = draft();
        String body = given().get("/api/reports/" + id).then().statusCode(200)
                .body("contact.name", equalTo("陈**")).body("contact.phone", equalTo("139****1990"))
                .extract().asString();
        assertFalse(body.contains("陈丽铭") || body.contains("13959291990"), body);
        String source = given().get("/api/reports/" + id + "/source").then().statusCode(200)
                .body(not(containsString("陈丽铭"))).body(not(containsString("13959291990")))
                .extract().asString();
        assertTrue(source.contains("联系人：陈** 联系电话：139****1990"), source);
        int start = given().get("/api/reports/" + id).then().extract().path("contact.span.start");
        int end = given().get("/api/reports/" + id).then().extract().path("contact.span.end");
        assertTrue(source.substring(start, end).contains("139****1990"), "spans still point at the same place");
        return id;
    }
}
