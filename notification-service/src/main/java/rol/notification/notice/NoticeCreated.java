package rol.notification.notice;

import java.time.Instant;
import java.util.Map;

/**
 * Fired (synchronous CDI event) inside the transaction that stores a notice. Channel observers
 * (email, webhook) enqueue their deliveries in that same transaction, so a notice and its deliveries
 * are stored together or not at all.
 *
 * @param recipientType {@code DEPARTMENT}, {@code OFFICE} (the district's rule-of-law office) or {@code USER}
 * @param kind          the notice kind, e.g. {@code BEFORE_DEADLINE}, {@code ESCALATION}, {@code DISPATCHED}, {@code DIGEST}
 * @param title         rendered Chinese title
 * @param body          rendered Chinese plain-text body
 * @param data          the values the templates were rendered from (task id, title, deadline …), for JSON payloads
 */
public record NoticeCreated(
        long noticeId,
        String district,
        String kind,
        String taskId,
        String recipientType,
        String recipientId,
        String title,
        String body,
        Instant createdAt,
        Map<String, Object> data) {
}
