package rol.notification.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat bot's webhook endpoint as a real HTTP server: it checks every request's signature (401 if wrong), fails the
 * first {@code failures} valid requests with 503, then accepts.
 */
final class Receiver implements AutoCloseable {

    record Request(String deliveryId, String timestamp, String signature, String body, boolean signed, int answer) {
    }

    private final HttpServer server;
    private final String secret;
    private final AtomicInteger failuresLeft;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    Receiver(String secret, int failures) {
        this.secret = secret;
        this.failuresLeft = new AtomicInteger(failures);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failNext(int failures) {
        failuresLeft.set(failures);
    }

    List<Request> accepted() {
        return requests.stream().filter(r -> r.answer() == 200).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Duban-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Duban-Signature");
        boolean signed = timestamp != null && WebhookSignature.verify(secret, timestamp, body, signature);
        int answer = !signed ? 401 : failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
        requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Duban-Delivery"), timestamp, signature,
                body, signed, answer));
        byte[] reply = (answer == 200 ? "ok" : "busy").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
