package rol.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import rol.notification.notice.NoticeCreated;
import rol.notification.subscription.Subscription;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the notice store (fires {@link NoticeCreated} inside a transaction, as storing a notice does) and sets up
 * subscriptions; reads deliveries back.
 */
@ApplicationScoped
public class ChannelFixture {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    Event<NoticeCreated> created;

    @Inject
    Clock clock;

    /** A district of its own for each test, so that tests never see each other's subscriptions. */
    public static String district() {
        return "d" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public NoticeCreated fire(NoticeCreated notice) {
        created.fire(notice);
        return notice;
    }

    public NoticeCreated toDepartment(String district, String department, String kind) {
        long id = IDS.incrementAndGet();
        return fire(new NoticeCreated(id, district, kind, "5d1f0c9e-7b3a-4c2d-9e8f-0a1b2c3d4e5f", "DEPARTMENT",
                department, "【临近提醒】开展行政执法案卷评查 还有 7 个工作日到期",
                "您单位牵头的督办事项“开展行政执法案卷评查”将于 2025-06-30 到期，请抓紧办理并及时反馈进度。",
                clock.instant(), Map.of("taskTitle", "开展行政执法案卷评查", "deadline", "2025-06-30")));
    }

    public NoticeCreated toOffice(String district, String kind) {
        long id = IDS.incrementAndGet();
        return fire(new NoticeCreated(id, district, kind, "5d1f0c9e-7b3a-4c2d-9e8f-0a1b2c3d4e5f", "OFFICE", null,
                "【督办】开展行政执法案卷评查 已逾期 5 个工作日", "牵头单位：judicial-bureau。", clock.instant(), Map.of()));
    }

    @Transactional
    public Subscription subscribe(String district, Subscription.RecipientType type, String recipientId,
                                  Subscription.Channel channel, String target, String secret, String... kinds) {
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.district = district;
        s.recipientType = type;
        s.recipientId = recipientId;
        s.channel = channel;
        s.target = target;
        s.secret = secret;
        s.enabled = true;
        s.kinds = kinds;
        s.createdAt = OffsetDateTime.now(clock);
        s.updatedAt = s.createdAt;
        s.persist();
        return s;
    }

    @Transactional
    public List<Delivery> deliveries(UUID subscriptionId) {
        List<Delivery> found = Delivery.list("subscriptionId = ?1 order by createdAt, id", subscriptionId);
        found.forEach(d -> Delivery.getEntityManager().detach(d));
        return found;
    }

    @Transactional
    public String secretOf(UUID subscriptionId) {
        return Subscription.<Subscription>findById(subscriptionId).secret;
    }

    @Transactional
    public Delivery delivery(UUID id) {
        return Delivery.findById(id);
    }
}
