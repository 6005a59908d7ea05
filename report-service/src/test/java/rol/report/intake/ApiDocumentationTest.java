package rol.report.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import rol.testsupport.ApiDocumentation;
import rol.testsupport.StackResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

/** Every endpoint explains itself in /q/openapi (ApiDocumentation says what that takes); a new one can't slip in bare. */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ApiDocumentationTest {

    @Test
    void everyOperationIsDocumented() {
        ApiDocumentation.assertComplete();
    }

    @Test
    void theRefusalsOnlyTheCodeKnowsAreListed() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/reports/{id}/publish'.post.responses", hasKey("409"))
                .body("paths.'/api/reports'.post.responses.'422'.description", containsString("不像一份报告"))
                .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
    }
}
