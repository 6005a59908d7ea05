package rol.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import rol.notification.notice.NoticeCreated;
import rol.notification.notice.Notices;
import rol.notification.subscription.Subscription;
import rol.platform.event.EventJson;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates deliveries. A notice's deliveries are stored in the transaction that stores the notice (the
 * {@link NoticeCreated} observer requires one), so a notice is never stored without them nor they without it; the
 * worker sends them later. One delivery per source and subscription: the same notice seen twice adds nothing.
 */
@ApplicationScoped
public class Deliveries {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The email and webhook subscriptions of the notice's recipient that want its kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onNotice(@Observes NoticeCreated notice) {
        List<Subscription> subscriptions;
        if (Notices.INBOX_ONLY_KINDS.contains(notice.kind())) {
            return;
        } else if ("OFFICE".equals(notice.recipientType())) {
            subscriptions = Subscription.list("district = ?1 and recipientType = ?2 and enabled = true",
                    notice.district(), Subscription.RecipientType.OFFICE);
        } else if ("DEPARTMENT".equals(notice.recipientType())) {
            subscriptions = Subscription.list(
                    "district = ?1 and recipientType = ?2 and recipientId = ?3 and enabled = true",
                    notice.district(), Subscription.RecipientType.DEPARTMENT, notice.recipientId());
        } else {
            return; // notices to single users stay in the in-app inbox
        }
        for (Subscription s : subscriptions) {
            if (s.wants(notice.kind())) {
                enqueue(s, "notice:" + notice.noticeId(), notice.noticeId(), notice.kind(), notice.district(),
                        notice.taskId(), notice.title(), notice.body(), notice.createdAt(), notice.data());
            }
        }
    }

    /**
     * Stores one pending delivery, due now, unless this source already has one for this subscription.
     *
     * @return whether a delivery was created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Subscription s, String source, Long noticeId, String kind, String district, String taskId,
                           String title, String body, Instant createdAt, Map<String, Object> data) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id.toString());
        payload.put("kind", kind);
        payload.put("district", district);
        payload.put("taskId", taskId);
        payload.put("title", title);
        payload.put("body", body);
        payload.put("createdAt", createdAt.atOffset(ZoneOffset.UTC).toString());
        payload.put("data", data == null ? Map.of() : data);
        return em.createNativeQuery("""
                        insert into delivery (id, subscription_id, source, notice_id, kind, district, task_id, title,
                            body, payload, state, attempts, next_attempt_at, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', 0, ?11, ?11)
                        on conflict (source, subscription_id) do nothing
                        """)
                .setParameter(1, id).setParameter(2, s.id).setParameter(3, source).setParameter(4, noticeId)
                .setParameter(5, kind).setParameter(6, district).setParameter(7, taskId).setParameter(8, title)
                .setParameter(9, body).setParameter(10, EventJson.tree(payload).toString()).setParameter(11, now)
                .executeUpdate() == 1;
    }
}
