package rol.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import rol.testsupport.ApiDocumentation;
import rol.testsupport.StackResource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

/**
 * Every endpoint of notification-service explains itself in /q/openapi and Swagger UI
 * (ApiDocumentation says what that takes), so that the next endpoint cannot be added undocumented.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ApiDocumentationTest {

    /** Beyond the completeness every service shares: refusals only this service's code knows reach the document. */
    @Test
    void everyNotificationEndpointIsDocumented() {
        ApiDocumentation.assertComplete()
                .body("paths.'/api/dead-letters/{id}/replay'.post.responses", hasKey("409"))
                .body("paths.'/api/clock'.post.responses.'404'.description", containsString("时钟控制未开启"))
                .body("paths.'/api/rollups'.get.responses.'403'.description", containsString("其他部门"));
    }
}
