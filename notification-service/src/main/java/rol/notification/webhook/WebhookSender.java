package rol.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.channel.Delivery;
import rol.notification.channel.DeliveryConfig;
import rol.notification.channel.ReceiverAnswer;
import rol.notification.channel.Sender;
import rol.notification.subscription.Subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * POSTs the delivery's JSON to a chat bot's URL, signed (see {@link WebhookSignature}). 2xx is delivered; any other
 * answer, a timeout or a refused connection is a failure that the worker retries.
 */
@ApplicationScoped
public class WebhookSender implements Sender {

    public static final String DELIVERY_HEADER = "X-Duban-Delivery";
    public static final String TIMESTAMP_HEADER = "X-Duban-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Duban-Signature";
    private static final int MAX_ANSWER = 200;

    @Inject
    DeliveryConfig config;

    @Inject
    Clock clock;

    private volatile HttpClient client;

    @Override
    public Subscription.Channel channel() {
        return Subscription.Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery, Subscription subscription) throws IOException, InterruptedException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.target))
                .timeout(config.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DELIVERY_HEADER, delivery.id.toString())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret, timestamp, delivery.payload))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw ReceiverAnswer.http(response.statusCode(), answer.substring(0, Math.min(MAX_ANSWER, answer.length())));
        }
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.webhook().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }
}
