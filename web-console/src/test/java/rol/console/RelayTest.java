package rol.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay: the user's own token to the service, the service's answer back unchanged, CSRF and outages. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class RelayTest {

    @TestHTTPResource("/")
    URI root;

    Browser browser;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser();
        assertEquals(200, browser.open(root.resolve("/api/me")).statusCode());
        FakeServices.SEEN.clear();
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(root.resolve(path)).header("X-Requested-With", "XMLHttpRequest");
    }

    @Test
    void aReadGoesToTheServiceWithTheUsersTokenAndNoCookie() throws Exception {
        HttpResponse<String> r = browser.send(api("/api/task/tasks/42?state=DISPATCHED&state=SUBMITTED").GET().build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("/api/tasks/42", new JsonObject(r.body()).getString("path"));
        assertEquals("\"7\"", r.headers().firstValue("ETag").orElseThrow());
        assertTrue(r.headers().firstValue("Location").isEmpty(), "the service's own address stays inside");

        FakeServices.Seen seen = FakeServices.SEEN.get(0);
        assertEquals("/api/tasks/42?state=DISPATCHED&state=SUBMITTED", seen.uri());
        assertTrue(seen.authorization().matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"), seen.authorization());
        assertNull(seen.cookie(), "the session cookie is the console's");
    }

    @Test
    void aChangeCarriesItsBodyAndVersionAndTheServicesRefusalComesBackUnchanged() throws Exception {
        HttpResponse<String> r = browser.send(api("/api/task/tasks/42/progress").header("Content-Type", "application/json")
                .header("If-Match", "\"7\"").POST(HttpRequest.BodyPublishers.ofString("{\"percent\":160}")).build());
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(FakeServices.PROBLEM, r.body());
        FakeServices.Seen seen = FakeServices.SEEN.get(0);
        assertEquals("POST", seen.method());
        assertEquals("{\"percent\":160}", seen.body());
        assertEquals("\"7\"", seen.ifMatch());
    }

    @Test
    void aMultipartUploadReachesTheServiceByteForByte() throws Exception {
        // a report file as the browser sends it: a multipart form whose file part is not UTF-8 (GB18030 text + binary)
        String boundary = "----console-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"issuer\"\r\n\r\n区司法局\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] file = new byte[2 * 1024 * 1024];
        new Random(13).nextBytes(file);
        byte[] gbk = "关于2025年法治政府建设情况的报告".getBytes(Charset.forName("GB18030"));
        System.arraycopy(gbk, 0, file, 0, gbk.length);
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = form.toByteArray();

        HttpResponse<String> r = browser.send(api("/api/report/reports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(200, r.statusCode(), r.body());
        FakeServices.Seen seen = FakeServices.SEEN.get(0);
        assertEquals("/api/reports", seen.uri());
        assertEquals("multipart/form-data; boundary=" + boundary, seen.contentType());
        assertEquals(FakeServices.sha256(body), seen.sha256(), "the form arrives unchanged, boundary and binary part included");
        assertTrue(seen.authorization().startsWith("Bearer "));
    }

    @Test
    void aChangeWithoutTheConsolesHeaderIsRefusedBeforeItReachesTheService() throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(root.resolve("/api/task/tasks/42/close"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(new JsonObject(r.body()).getString("detail").contains("督办工作台"), r.body());
        assertTrue(FakeServices.SEEN.isEmpty(), "nothing reached the service");
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> r = browser.send(api("/api/notification/inbox/unread-count").GET().build());
        assertEquals(503, r.statusCode());
        assertEquals("5", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("服务暂时不可用", new JsonObject(r.body()).getString("title"));
    }

    @Test
    void onlyTheThreeServicesAreRelayed() throws Exception {
        HttpResponse<String> r = browser.send(api("/api/elsewhere/tasks").GET().build());
        assertFalse(r.statusCode() / 100 == 2, "status " + r.statusCode());
        assertTrue(FakeServices.SEEN.isEmpty());
    }
}
