package rol.notification.channel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How deliveries are retried and how long a webhook may take. */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** How often the scheduler runs the worker ({@code 10s}; {@code off} disables it, as the tests do). */
    @WithDefault("10s")
    String every();

    /** Attempts before a delivery becomes a dead letter. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one. */
    @WithDefault("30S")
    Duration baseDelay();

    /** The longest wait between two attempts. */
    @WithDefault("1H")
    Duration maxDelay();

    /** The domain of the stable Message-ID of every email ({@code <delivery id@domain>}). */
    @WithDefault("notification.duban")
    String messageIdDomain();

    Webhook webhook();

    interface Webhook {
        @WithDefault("5S")
        Duration connectTimeout();

        /** The whole request, answer included. */
        @WithDefault("10S")
        Duration timeout();
    }
}
