package rol.task.plan;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Who may read work plans (docs/security.md); the end-to-end suite repeats this with real Keycloak tokens. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class WorkPlanAccessTest {

    @Test
    void withoutATokenIs401() {
        given().get("/api/work-plans").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/work-plans/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "judicial1", roles = "department")
    @OidcSecurity(claims = @Claim(key = "department", value = "judicial-bureau"))
    void departmentStaffDoNotReadWorkPlans() {
        given().get("/api/work-plans").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/work-plans/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "leader1", roles = "leader")
    void leadersRead() {
        given().get("/api/work-plans").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "auditor1", roles = "auditor")
    void auditorsRead() {
        given().get("/api/work-plans").then().statusCode(200);
    }
}
