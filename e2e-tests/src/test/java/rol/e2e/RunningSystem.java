package rol.e2e;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import rol.testsupport.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole system started once by {@code ./stack} for all end-to-end test classes, wiped first, stopped after the
 * last class (and checked to leave nothing running).
 */
public final class RunningSystem implements BeforeAllCallback {

    static final TestStack STACK = TestStack.E2E;
    private static final String[] ALL =
            {"postgres", "kafka", "keycloak", "smtp", "report-service", "task-service", "notification-service",
                "web-console"};
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent("running-system", key -> {
            try {
                STACK.upFresh(ALL);
            } catch (RuntimeException e) {
                STACK.down();
                throw e;
            }
            return (AutoCloseable) RunningSystem::stop;
        });
    }

    private static void stop() throws Exception {
        STACK.down();
        try (Stream<Path> pids = Files.list(STACK.stackDir().resolve("run"))) {
            List<Path> left = pids.filter(p -> p.toString().endsWith(".pid")).toList();
            if (!left.isEmpty()) {
                throw new AssertionError("./stack down left processes behind: " + left);
            }
        }
    }

    static RequestSpecification report() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(STACK.reportPort());
    }

    static RequestSpecification task() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(STACK.taskPort());
    }

    static RequestSpecification notification() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(STACK.notificationPort());
    }

    /**
     * A real access token of a demo user (password = user name) from client rol-cli, cached per user until a minute
     * before it expires (the realm's tokens live 5 minutes; on a busy machine the suites run longer than that).
     */
    static String token(String user) {
        return TOKENS.compute(user, (u, cached) -> cached != null && Instant.now().isBefore(cached.renewAt())
                ? cached : fetch(STACK.issuer(), "rol-cli", u, u)).token();
    }

    static String token(String issuer, String client, String user, String password) {
        return fetch(issuer, client, user, password).token();
    }

    private record Token(String token, Instant renewAt) {
    }

    private static Token fetch(String issuer, String client, String user, String password) {
        Instant asked = Instant.now();
        var body = RestAssured.given().formParam("client_id", client).formParam("grant_type", "password")
                .formParam("username", user).formParam("password", password)
                .post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        return new Token(body.getString("access_token"), asked.plusSeconds(body.getLong("expires_in") - 60));
    }

    static RequestSpecification as(RequestSpecification spec, String user) {
        return spec.auth().oauth2(token(user));
    }
}
