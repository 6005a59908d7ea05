package rol.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for task-service behind the relay: it records what reached it and answers like the service would (a
 * task with its ETag, a problem+json refusal). The real services are behind the console in the end-to-end suite;
 * here the console's own part is under test: what it forwards and what it passes back. notification-service is
 * configured on a port where nothing listens.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** {@code sha256} of the body's bytes, so a binary upload can be compared byte for byte. */
    public record Seen(String method, String uri, String authorization, String cookie, String ifMatch, String body,
                       String contentType, String sha256) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    static final String PROBLEM = "{\"type\":\"urn:rol:problem:invalid\",\"title\":\"请求内容有误\",\"status\":400,"
            + "\"errors\":[{\"field\":\"percent\",\"message\":\"进度须在0到100之间\"}]}";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            SEEN.add(new Seen(req.method().name(), req.uri(), req.getHeader("Authorization"), req.getHeader("Cookie"),
                    req.getHeader("If-Match"), body.toString(), req.getHeader("Content-Type"), sha256(body.getBytes())));
            if (req.path().endsWith("/progress")) {
                req.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json").end(PROBLEM);
            } else {
                req.response().putHeader("Content-Type", "application/json").putHeader("ETag", "\"7\"")
                        .putHeader("Location", "http://127.0.0.1/internal")
                        .end(new JsonObject().put("path", req.path()).encode());
            }
        }));
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
        return Map.of("console.relay.task", "http://127.0.0.1:" + port,
                "console.relay.report", "http://127.0.0.1:" + port,
                "console.relay.notification", "http://127.0.0.1:" + closedPort());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
