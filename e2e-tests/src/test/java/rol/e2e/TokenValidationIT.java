package rol.e2e;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens that must not get in, each tried on every service that has an API, next to a good one that must. */
@ExtendWith(RunningSystem.class)
class TokenValidationIT {

    private static final List<Supplier<RequestSpecification>> SERVICES =
            List.of(() -> RunningSystem.report().basePath("/api/reports"),
                    () -> RunningSystem.task().basePath("/api/work-plans"));

    /** @param why names the case in the failure message */
    private static void refused(String token, String why) {
        for (Supplier<RequestSpecification> service : SERVICES) {
            RequestSpecification spec = service.get();
            if (token != null) {
                spec = spec.header("Authorization", "Bearer " + token);
            }
            var response = spec.get();
            assertEquals(401, response.statusCode(), why + " must be refused");
            response.then().contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"rule-of-law\""));
        }
    }

    /** Also puts the token into each service's cache of verified tokens (docs/security.md). */
    private static void admitted(String token) {
        for (Supplier<RequestSpecification> service : SERVICES) {
            service.get().header("Authorization", "Bearer " + token).get().then().statusCode(200);
        }
    }

    @Test
    void aGoodTokenGetsIn() {
        String token = RunningSystem.token("office1");
        admitted(token);
        admitted(token); // the second time from the cache
    }

    @Test
    void noTokenIsRefused() {
        refused(null, "no token");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = RunningSystem.token(RunningSystem.STACK.issuer(), "rol-cli-expiring", "office1", "office1");
        admitted(token); // verified and cached while valid; the cache must not outlive the token
        long exp = Long.parseLong(claim(token, "exp"));
        await().until(() -> Instant.now().getEpochSecond() > exp + 1);
        refused(token, "expired");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        // the same Keycloak, its master realm: a genuine signature, the wrong issuer
        String token = RunningSystem.token(RunningSystem.STACK.keycloakUrl() + "/realms/master", "admin-cli", "admin", "admin");
        refused(token, "wrong issuer");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = RunningSystem.token(RunningSystem.STACK.issuer(), "rol-other", "office1", "office1");
        refused(token, "wrong audience");
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefused() {
        String token = RunningSystem.token("office1");
        admitted(token); // the genuine token is cached: a changed one must still be verified, and fail
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        refused(parts[0] + "." + parts[1] + "." + new String(signature), "tampered signature");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = RunningSystem.token("office1");
        String payload = token.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(header + "." + payload + ".", "alg none");
    }

    @Test
    void aTokenWithElevatedRolesButTheOriginalSignatureIsRefused() {
        String token = RunningSystem.token("judicial1");
        RunningSystem.task().basePath("/api/tasks").header("Authorization", "Bearer " + token).get()
                .then().statusCode(200); // cached as it was signed
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"department\"]", "\"office\"]");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        refused(parts[0] + "." + forged + "." + parts[2], "payload changed after signing");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = payload.indexOf("\"" + name + "\":");
        int start = at + name.length() + 3;
        int end = start;
        while (end < payload.length() && Character.isDigit(payload.charAt(end))) {
            end++;
        }
        return payload.substring(start, end);
    }
}
