package rol.report.intake;

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
 * Every endpoint of report-service explains itself in /q/openapi and Swagger UI
 * (ApiDocumentation says what that takes), so that the next endpoint cannot be added undocumented.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ApiDocumentationTest {

    /** Beyond the completeness every service shares: refusals only this service's code knows reach the document. */
    @Test
    void everyReportEndpointIsDocumented() {
        ApiDocumentation.assertComplete()
                .body("paths.'/api/reports/{id}/publish'.post.responses", hasKey("409"))
                .body("paths.'/api/reports'.post.responses.'422'.description", containsString("不像一份报告"))
                .body("components.securitySchemes.bearer.scheme", containsString("bearer"));
    }
}
