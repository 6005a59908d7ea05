package rol.notification;

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
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ApiDocumentationTest {

    @Test
    void everyOperationIsDocumented() {
        ApiDocumentation.assertComplete();
    }

    @Test
    void theRefusalsOnlyTheCodeKnowsAreListed() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/dead-letters/{id}/replay'.post.responses", hasKey("409"))
                .body("paths.'/api/clock'.post.responses.'404'.description", containsString("时钟控制未开启"))
                .body("paths.'/api/rollups'.get.responses.'403'.description", containsString("其他部门"));
    }
}
