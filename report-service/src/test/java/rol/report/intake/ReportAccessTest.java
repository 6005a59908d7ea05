package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may do what with reports (docs/security.md); the end-to-end suite repeats this with real Keycloak tokens. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportAccessTest {

    @Inject
    ReportIntake intake;

    private String draft() {
        return intake.receive("某区关于法治政府建设情况的报告\n" + UUID.randomUUID(), null, null).report().id.toString();
    }

    @Test
    void withoutATokenEveryEndpointIs401() {
        String id = draft();
        given().get("/api/reports").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"rule-of-law\""));
        given().get("/api/reports/" + id).then().statusCode(401);
        given().get("/api/reports/" + id + "/source").then().statusCode(401);
        given().contentType(ContentType.TEXT).body("x").post("/api/reports").then().statusCode(401);
        given().post("/api/reports/" + id + "/publish").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void departmentStaffHaveNoAccessToReports() {
        String id = draft();
        given().get("/api/reports").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("没有权限"));
        given().get("/api/reports/" + id).then().statusCode(403);
        given().get("/api/reports/" + id + "/source").then().statusCode(403);
        given().contentType(ContentType.TEXT).body("x").post("/api/reports").then().statusCode(403);
        given().post("/api/reports/" + id + "/publish").then().statusCode(403);
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
        given().get("/api/reports").then().statusCode(200);
        given().get("/api/reports/" + id).then().statusCode(200);
        given().get("/api/reports/" + id + "/source").then().statusCode(200);
        given().contentType(ContentType.TEXT).body("某区报告\n" + UUID.randomUUID()).post("/api/reports")
                .then().statusCode(403);
        given().post("/api/reports/" + id + "/publish").then().statusCode(403);
        given().get("/api/reports/" + id).then().body("status", equalTo("DRAFT"));
    }
}
