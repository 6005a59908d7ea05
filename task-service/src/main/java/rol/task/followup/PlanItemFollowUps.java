package rol.task.followup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.PlanMatchDecidedV1;
import rol.task.plan.Task;

/**
 * The verdicts report-service gives last year's plan items, kept per (report, plan item) so that each task of that
 * plan shows its own, with the evidence as a suggested closing note. Applied in the inbox transaction; both events
 * carry whole values, so a replay writes the same row again.
 */
@ApplicationScoped
public class PlanItemFollowUps {

    private static final TypeReference<List<PlanFollowedUpV1.Evidence>> EVIDENCE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What a task shows: the verdict, its evidence and, when reported done and not rejected, a closing note. */
    public record FollowUp(UUID laterReportId, String verdict, double coverage,
                           List<PlanFollowedUpV1.Evidence> evidence, String decision, String decidedBy,
                           String suggestedClosingNote) {
    }

    public void followedUp(PlanFollowedUpV1 event) {
        UUID report = UUID.fromString(event.earlierReportId());
        for (PlanFollowedUpV1.Item item : event.items()) {
            em.createNativeQuery("""
                    insert into plan_item_follow_up (report_id, plan_item_id, later_report_id, verdict, coverage,
                        evidence, updated_at)
                    values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)
                    on conflict (report_id, plan_item_id) do update set
                        decision = case when plan_item_follow_up.verdict = excluded.verdict
                            and plan_item_follow_up.later_report_id = excluded.later_report_id
                            then plan_item_follow_up.decision end,
                        decided_by = case when plan_item_follow_up.verdict = excluded.verdict
                            and plan_item_follow_up.later_report_id = excluded.later_report_id
                            then plan_item_follow_up.decided_by end,
                        decided_at = case when plan_item_follow_up.verdict = excluded.verdict
                            and plan_item_follow_up.later_report_id = excluded.later_report_id
                            then plan_item_follow_up.decided_at end,
                        later_report_id = excluded.later_report_id, verdict = excluded.verdict,
                        coverage = excluded.coverage, evidence = excluded.evidence, updated_at = excluded.updated_at
                    """)
                    .setParameter(1, report).setParameter(2, item.planItemId())
                    .setParameter(3, UUID.fromString(event.laterReportId())).setParameter(4, item.verdict())
                    .setParameter(5, item.coverage()).setParameter(6, write(item.evidence()))
                    .setParameter(7, OffsetDateTime.now(clock))
                    .executeUpdate();
        }
    }

    public void decided(PlanMatchDecidedV1 event) {
        em.createNativeQuery("""
                update plan_item_follow_up set decision = ?3, decided_by = ?4, decided_at = ?5
                where report_id = ?1 and plan_item_id = ?2""")
                .setParameter(1, UUID.fromString(event.earlierReportId())).setParameter(2, event.planItemId())
                .setParameter(3, event.decision()).setParameter(4, event.decidedBy())
                .setParameter(5, event.decidedAt())
                .executeUpdate();
    }

    /** The follow-up of each task that has one, by task id; one query for a page of tasks. */
    public Map<UUID, FollowUp> of(Collection<Task> tasks) {
        Map<UUID, FollowUp> out = new HashMap<>();
        if (tasks.isEmpty()) return out;
        UUID[] reports = tasks.stream().map(t -> t.reportId).distinct().toArray(UUID[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select report_id, plan_item_id, later_report_id, verdict, coverage, cast(evidence as text), decision,
                       decided_by
                from plan_item_follow_up where report_id = any(?1)""")
                .setParameter(1, reports).getResultList();
        Map<String, Object[]> byItem = new HashMap<>();
        for (Object[] r : rows) byItem.put(r[0] + "/" + r[1], r);
        for (Task t : tasks) {
            Object[] r = byItem.get(t.reportId + "/" + t.planItemId);
            if (r != null) out.put(t.id, view(r));
        }
        return out;
    }

    private FollowUp view(Object[] r) {
        List<PlanFollowedUpV1.Evidence> evidence = read((String) r[5]);
        String decision = (String) r[6];
        String verdict = (String) r[3];
        // the evidence passage is offered as the closing note only for a plan item reported done and not rejected
        String note = "REPORTED_DONE".equals(verdict) && !"REJECTED".equals(decision) && !evidence.isEmpty()
                ? evidence.get(0).text() : null;
        return new FollowUp(r[2] instanceof UUID u ? u : UUID.fromString(r[2].toString()), verdict,
                ((Number) r[4]).doubleValue(), evidence, decision, (String) r[7], note);
    }

    private List<PlanFollowedUpV1.Evidence> read(String text) {
        try {
            return json.readValue(text, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored follow-up evidence is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
