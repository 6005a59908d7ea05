package rol.notification.subscription;

import java.util.List;

/**
 * A subscription as the office writes it. {@code recipientType} DEPARTMENT (with {@code recipientId}) or OFFICE;
 * {@code channel} EMAIL or WEBHOOK; {@code secret} is required for a new webhook and, when omitted on update, kept.
 * {@code enabled} defaults to true; {@code kinds} empty or missing means every kind.
 */
public record SubscriptionInput(String district, String recipientType, String recipientId, String channel,
                                String target, String secret, Boolean enabled, List<String> kinds) {
}
