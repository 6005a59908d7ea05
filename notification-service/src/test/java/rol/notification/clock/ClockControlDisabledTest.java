package rol.notification.clock;

import rol.testsupport.As;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Where the control is off (the default, and always in production) the clock endpoint does not exist. */
@QuarkusTest
@TestProfile(ClockControlDisabledTest.Disabled.class)
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class ClockControlDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.clock.control-enabled", "false");
        }
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    @Test
    void theClockCannotBeReadNorMoved() {
        As.office();
        given().get("/api/clock").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("本环境没有开启时钟调整功能（仅供本机演示和测试使用）。"));
        given().contentType("application/json").body(Map.of("advance", "P1D")).post("/api/clock").then()
                .statusCode(404);
    }
}
