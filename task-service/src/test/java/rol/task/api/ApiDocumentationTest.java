package rol.task.api;

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
 * Every endpoint of task-service explains itself in /q/openapi and Swagger UI
 * (ApiDocumentation says what that takes), so that the next endpoint cannot be added undocumented.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class ApiDocumentationTest {

    /** Beyond the completeness every service shares: refusals only this service's code knows reach the document. */
    @Test
    void everyTaskEndpointIsDocumented() {
        ApiDocumentation.assertComplete()
                .body("paths.'/api/tasks/{id}/progress'.post.responses", hasKey("409"))
                .body("paths.'/api/tasks/{id}/progress'.post.responses", hasKey("412"))
                .body("paths.'/api/tasks/{id}/evidence'.post.responses.'415'.description", containsString("detectedType"))
                .body("paths.'/api/departments'.post.responses.'409'.description", containsString("编号"));
    }
}
