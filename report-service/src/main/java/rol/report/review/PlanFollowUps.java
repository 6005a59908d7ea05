package rol.report.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import rol.platform.event.Topics;
import rol.platform.event.report.PlanFollowedUpV1;
import rol.platform.event.report.ProblemsRecurredV1;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.quarkus.OutboxWriter;
import rol.report.followup.Evidence;
import rol.report.followup.FollowUpMatcher;
import rol.report.followup.PlanItemFollowUp;
import rol.report.followup.RecurringProblem;
import rol.report.followup.ReportParts;
import rol.report.intake.Report;
import rol.report.intake.ReportContent;
import rol.report.intake.ReportIntake;

/**
 * Runs the follow-up when a report is published or revised, in that transaction: the earlier report of the same
 * issuer whose plan year is this report's year gets its plan items judged against this report's achievements (and
 * this report's plan against a later report already published, when reports arrive out of order); this report's
 * problems are checked against every earlier published report of the issuer, and so are those of every later one
 * (which this report may now add to or, revised, take from). Results are stored and announced
 * through the outbox with the state change.
 */
@ApplicationScoped
public class PlanFollowUps {

    private final FollowUpMatcher matcher = new FollowUpMatcher();

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    ReportIntake intake;

    /** Called by intake inside the transaction that publishes or revises {@code report}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reportChanged(Report report, ReportContent content) {
        if (report.issuer == null || report.reportYear == null) return;
        List<Report> sameIssuer = publishedOfIssuer(report);
        ReportParts self = parts(report, content);
        for (Report other : sameIssuer) {
            if (report.reportYear.equals(other.planYear)) {
                follow(other, parts(other, intake.content(other)), report, self);
            }
            if (report.planYear != null && report.planYear.equals(other.reportYear)) {
                follow(report, self, other, parts(other, intake.content(other)));
            }
        }
        Map<UUID, ReportParts> known = new HashMap<>(Map.of(report.id, self));
        recur(report, self, earlier(report, sameIssuer, known));
        // a later report's recurrences take this one in too: reports published out of order, or this one revised
        for (Report later : sameIssuer) {
            if (later.reportYear != null && later.reportYear > report.reportYear) {
                List<Report> ofLater = new ArrayList<>(publishedOfIssuer(later));
                if (ofLater.stream().noneMatch(r -> r.id.equals(report.id))) ofLater.add(report);
                recur(later, parts(later, known), earlier(later, ofLater, known));
            }
        }
    }

    private List<ReportParts> earlier(Report report, List<Report> sameIssuer, Map<UUID, ReportParts> known) {
        List<ReportParts> out = new ArrayList<>();
        for (Report other : sameIssuer) {
            if (other.reportYear != null && other.reportYear < report.reportYear) {
                out.add(parts(other, known));
            }
        }
        return out;
    }

    /** Each report's parts once per change: reading a report's content parses its stored structure. */
    private ReportParts parts(Report report, Map<UUID, ReportParts> known) {
        return known.computeIfAbsent(report.id, id -> parts(report, intake.content(report)));
    }

    private List<Report> publishedOfIssuer(Report report) {
        List<Report> candidates = Report.list("district = ?1 and status = ?2 and id <> ?3", report.district,
                Report.Status.PUBLISHED, report.id);
        return candidates.stream().filter(r -> FollowUpMatcher.sameIssuer(r.issuer, report.issuer)).toList();
    }

    private static ReportParts parts(Report report, ReportContent c) {
        return new ReportParts(report.id.toString(), c.reportYear, c.achievements, c.problems, c.plan);
    }

    private void follow(Report earlier, ReportParts earlierParts, Report later, ReportParts laterParts) {
        List<PlanItemFollowUp> items = matcher.planFollowUp(earlierParts, laterParts);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("delete from plan_follow_up where earlier_report_id = ?1 and plan_item_id <> all(?2)")
                .setParameter(1, earlier.id)
                .setParameter(2, items.stream().map(PlanItemFollowUp::planItemId).toArray(String[]::new))
                .executeUpdate();
        for (PlanItemFollowUp item : items) {
            // a decision stays while the verdict it decided on stays; a changed verdict asks the office again
            em.createNativeQuery("""
                    insert into plan_follow_up (earlier_report_id, plan_item_id, later_report_id, plan_item_title,
                        verdict, coverage, evidence, matched_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8)
                    on conflict (earlier_report_id, plan_item_id) do update set
                        later_report_id = excluded.later_report_id, plan_item_title = excluded.plan_item_title,
                        coverage = excluded.coverage, evidence = excluded.evidence, matched_at = excluded.matched_at,
                        decision = case when plan_follow_up.verdict = excluded.verdict
                            and plan_follow_up.later_report_id = excluded.later_report_id
                            then plan_follow_up.decision end,
                        decided_by = case when plan_follow_up.verdict = excluded.verdict
                            and plan_follow_up.later_report_id = excluded.later_report_id
                            then plan_follow_up.decided_by end,
                        decided_at = case when plan_follow_up.verdict = excluded.verdict
                            and plan_follow_up.later_report_id = excluded.later_report_id
                            then plan_follow_up.decided_at end,
                        verdict = excluded.verdict
                    """)
                    .setParameter(1, earlier.id).setParameter(2, item.planItemId()).setParameter(3, later.id)
                    .setParameter(4, item.title()).setParameter(5, item.verdict().name())
                    .setParameter(6, item.coverage()).setParameter(7, write(item.evidence()))
                    .setParameter(8, now)
                    .executeUpdate();
        }
        outbox.append(Topics.REPORT_EVENTS, PlanFollowedUpV1.TYPE, earlier.id.toString(),
                new PlanFollowedUpV1(earlier.id.toString(), later.id.toString(), earlier.district, earlier.issuer,
                        earlier.planYear, items.stream().map(PlanFollowUps::eventItem).toList()));
    }

    private void recur(Report report, ReportParts self, List<ReportParts> earlier) {
        List<RecurringProblem> found = earlier.isEmpty() ? List.of() : matcher.recurringProblems(self, earlier);
        int before = em.createNativeQuery("delete from recurring_problem where report_id = ?1")
                .setParameter(1, report.id).executeUpdate();
        for (RecurringProblem p : found) {
            em.createNativeQuery("""
                    insert into recurring_problem (report_id, problem_id, title, years, earlier)
                    values (?1, ?2, ?3, cast(?4 as jsonb), cast(?5 as jsonb))
                    """)
                    .setParameter(1, report.id).setParameter(2, p.problemId()).setParameter(3, p.title())
                    .setParameter(4, write(p.years())).setParameter(5, write(p.earlier()))
                    .executeUpdate();
        }
        // consumers replace what they hold for the report, so a revision that ends its recurrences says so (empty)
        if (!found.isEmpty() || before > 0) {
            outbox.append(Topics.REPORT_EVENTS, ProblemsRecurredV1.TYPE, report.id.toString(),
                    new ProblemsRecurredV1(report.id.toString(), report.district, report.issuer, report.reportYear,
                            found.stream().map(PlanFollowUps::eventRecurrence).toList()));
        }
    }

    private static PlanFollowedUpV1.Item eventItem(PlanItemFollowUp item) {
        return new PlanFollowedUpV1.Item(item.planItemId(), item.verdict().name(), item.coverage(),
                item.evidence().stream().map(PlanFollowUps::eventEvidence).toList());
    }

    private static PlanFollowedUpV1.Evidence eventEvidence(Evidence e) {
        return new PlanFollowedUpV1.Evidence(e.achievementId(), e.title(), e.text(),
                e.span() == null ? null : new ReportPublishedV1.Span(e.span().start(), e.span().end()), e.score());
    }

    private static ProblemsRecurredV1.Recurrence eventRecurrence(RecurringProblem p) {
        return new ProblemsRecurredV1.Recurrence(p.problemId(), p.title(), p.years(), p.earlier().stream()
                .map(e -> new ProblemsRecurredV1.Earlier(e.reportId(), e.reportYear(), e.problemId(), e.title(),
                        e.similarity()))
                .toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
