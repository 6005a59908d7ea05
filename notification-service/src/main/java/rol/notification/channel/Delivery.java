package rol.notification.channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One notice (or digest) on its way to one subscription: pending, delivered, or dead after too many failures. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum State { PENDING, DELIVERED, DEAD }

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(nullable = false)
    public String source;

    @Column(name = "notice_id")
    public Long noticeId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String district;

    @Column(name = "task_id")
    public String taskId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** {@link DeliveryFailure.Reason} of the last error, for the office's words; null on rows that failed before V14. */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_error_reason")
    public DeliveryFailure.Reason lastErrorReason;

    /** The receiver's HTTP status or SMTP reply code with the last error, when it answered. */
    @Column(name = "last_error_status")
    public Integer lastErrorStatus;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "dead_at")
    public OffsetDateTime deadAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
