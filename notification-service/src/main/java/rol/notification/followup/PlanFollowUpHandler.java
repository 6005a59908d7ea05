package rol.notification.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.PlanMatchDecidedV1;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@code plan_follow_up} from {@code report-events}, in the inbox transaction of the event. Both events carry
 * whole values, so a redelivered one writes the same row again. As in task-service, a verdict that differs from the
 * stored one, or comes from another later report, drops the office's decision: it was taken on another verdict.
 */
@ApplicationScoped
public class PlanFollowUpHandler {

    private static final Set<String> VERDICTS = Set.of("REPORTED_DONE", "PARTLY_MENTIONED", "NOT_MENTIONED");
    private static final Set<String> DECISIONS = Set.of("CONFIRMED", "REJECTED");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public boolean handles(CloudEvent event) {
        return PlanFollowedUpV1.TYPE.equals(event.type()) || PlanMatchDecidedV1.TYPE.equals(event.type());
    }

    public void handle(CloudEvent event) {
        if (event.data() == null) {
            throw new MalformedEventException(event.type() + " without data");
        }
        if (PlanFollowedUpV1.TYPE.equals(event.type())) {
            followedUp(EventJson.convert(event.data(), PlanFollowedUpV1.class));
        } else {
            decided(EventJson.convert(event.data(), PlanMatchDecidedV1.class));
        }
    }

    private void followedUp(PlanFollowedUpV1 f) {
        UUID earlier = uuid(f.earlierReportId());
        UUID later = uuid(f.laterReportId());
        required(f.district(), "district");
        for (PlanFollowedUpV1.Item item : f.items()) {
            required(item.planItemId(), "planItemId");
            oneOf(item.verdict(), VERDICTS, "verdict");
            em.createNativeQuery("""
                            insert into plan_follow_up (earlier_report_id, plan_item_id, later_report_id, district,
                                verdict, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)
                            on conflict (earlier_report_id, plan_item_id) do update set
                                later_report_id = excluded.later_report_id, district = excluded.district,
                                verdict = excluded.verdict, updated_at = excluded.updated_at,
                                decision = case when plan_follow_up.verdict = excluded.verdict
                                    and plan_follow_up.later_report_id = excluded.later_report_id
                                    then plan_follow_up.decision end,
                                decided_by = case when plan_follow_up.verdict = excluded.verdict
                                    and plan_follow_up.later_report_id = excluded.later_report_id
                                    then plan_follow_up.decided_by end,
                                decided_at = case when plan_follow_up.verdict = excluded.verdict
                                    and plan_follow_up.later_report_id = excluded.later_report_id
                                    then plan_follow_up.decided_at end
                            """)
                    .setParameter(1, earlier).setParameter(2, item.planItemId()).setParameter(3, later)
                    .setParameter(4, f.district()).setParameter(5, item.verdict())
                    .setParameter(6, OffsetDateTime.now(clock))
                    .executeUpdate();
        }
    }

    /** The decision names the verdict it was taken on; the row takes both, so the last decision counts. */
    private void decided(PlanMatchDecidedV1 d) {
        required(d.district(), "district");
        required(d.planItemId(), "planItemId");
        oneOf(d.verdict(), VERDICTS, "verdict");
        oneOf(d.decision(), DECISIONS, "decision");
        em.createNativeQuery("""
                        insert into plan_follow_up (earlier_report_id, plan_item_id, later_report_id, district, verdict,
                            decision, decided_by, decided_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (earlier_report_id, plan_item_id) do update set
                            later_report_id = excluded.later_report_id, district = excluded.district,
                            verdict = excluded.verdict, decision = excluded.decision,
                            decided_by = excluded.decided_by, decided_at = excluded.decided_at,
                            updated_at = excluded.updated_at
                        """)
                .setParameter(1, uuid(d.earlierReportId())).setParameter(2, d.planItemId())
                .setParameter(3, uuid(d.laterReportId())).setParameter(4, d.district())
                .setParameter(5, d.verdict()).setParameter(6, d.decision()).setParameter(7, d.decidedBy())
                .setParameter(8, time(d.decidedAt())).setParameter(9, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    private static void required(String value, String member) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("follow-up event without " + member);
        }
    }

    private static void oneOf(String value, Set<String> allowed, String member) {
        if (value == null || !allowed.contains(value)) {
            throw new MalformedEventException("follow-up event with " + member + " " + value);
        }
    }

    private static OffsetDateTime time(String iso) {
        try {
            return iso == null ? null : OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("follow-up event with decidedAt " + iso);
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a report id: " + id);
        }
    }
}
