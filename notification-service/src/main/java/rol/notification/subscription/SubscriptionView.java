package rol.notification.subscription;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A subscription as the API shows it: the webhook secret never leaves the service, only whether one is set. */
public record SubscriptionView(UUID id, String district, String recipientType, String recipientId, String channel,
                               String target, boolean hasSecret, boolean enabled, List<String> kinds,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.district, s.recipientType.name(), s.recipientId, s.channel.name(),
                s.target, s.secret != null, s.enabled, List.of(s.kinds), s.createdAt, s.updatedAt);
    }
}
