package rol.notification.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** Who receives which notices on which channel: a department's or a district office's email address or webhook. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    public enum RecipientType { DEPARTMENT, OFFICE }

    public enum Channel { EMAIL, WEBHOOK }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String district;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", nullable = false)
    public RecipientType recipientType;

    /** The department id for {@link RecipientType#DEPARTMENT}; null for the office. */
    @Column(name = "recipient_id")
    public String recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String target;

    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] kinds;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Whether a notice of this kind goes to this subscription: no kinds listed means every kind. */
    public boolean wants(String kind) {
        return kinds.length == 0 || Arrays.asList(kinds).contains(kind);
    }
}
