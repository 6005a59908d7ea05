package rol.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in, the session cookie, /api/me and the sign-in answer a script gets. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class ConsoleSessionTest {

    @TestHTTPResource("/")
    URI root;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser();
    }

    @Test
    void signingInShowsWhoIsSignedInAndKeepsTheTokensOutOfTheBrowser() throws Exception {
        HttpResponse<String> me = browser.open(root.resolve("/api/me"));
        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = new JsonObject(me.body());
        assertEquals("alice", body.getString("username"));
        // the test server's admin role stands for office here (%test roles mapping)
        assertEquals("office", body.getJsonArray("roles").getString(0));
        assertEquals("泉州市鲤城区", body.getString("district"));
        assertFalse(me.body().contains("eyJ"), "no token in the answer: " + me.body());

        String session = browser.setCookies.stream().filter(c -> c.startsWith("q_session")).findFirst().orElseThrow();
        assertTrue(session.toLowerCase().contains("httponly"), session);
        assertTrue(session.toLowerCase().contains("samesite=lax"), session);
    }

    @Test
    void aScriptWithoutASessionIsToldToSignInRatherThanRedirected() throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(root.resolve("/api/me"))
                .header("X-Requested-With", "XMLHttpRequest").GET().build());
        assertEquals(499, r.statusCode());
    }

    @Test
    void aPageWithoutASessionGoesToSignInAndComesBackToTheSameAddress() throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(root.resolve("/api/me?from=bookmark")).GET().build());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/auth/realms/quarkus"), location);
        assertTrue(location.contains("code_challenge_method=S256"), "PKCE: " + location);
        HttpResponse<String> back = browser.open(root.resolve("/api/me?from=bookmark"));
        assertEquals(200, back.statusCode());
        assertEquals("/api/me", back.uri().getPath());
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(root.resolve("/q/health")).GET().build());
        assertEquals(200, r.statusCode());
        assertNotNull(r.body());
    }
}
