package rol.task.rectification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.task.plan.Task;
import rol.task.plan.WorkPlan;
import rol.task.suggestion.TextSimilarity;
import rol.task.workflow.TaskState;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rectification items (整改事项) of work plans: kept in step with the report's problems, linked to tasks by
 * suggestion (text similarity) and by the office's confirmation, and shown with coverage and status.
 */
@ApplicationScoped
public class Rectifications {

    public enum LinkStatus { SUGGESTED, CONFIRMED, REJECTED }

    /** How well a problem is addressed: a confirmed task, only suggested ones, or none (a gap). */
    public enum Coverage { CONFIRMED, SUGGESTED, NONE }

    @ConfigProperty(name = "rectification.link-threshold", defaultValue = "0.15")
    double threshold;

    @Inject
    EntityManager em;

    @Inject
    Recurrences recurrences;

    TextSimilarity similarity() {
        return new TextSimilarity(threshold);
    }

    // ── keeping them in step with the report ──

    /**
     * Creates the rectification of every problem not seen before, updates those whose title, text or span changed,
     * marks those no longer in the report as removed, then recomputes the suggested links of the plan.
     */
    public void sync(WorkPlan plan, List<ReportPublishedV1.Problem> problems, OffsetDateTime now) {
        Map<String, Rectification> known = new HashMap<>();
        Rectification.<Rectification>list("workPlanId", plan.id).forEach(r -> known.put(r.problemId, r));
        Set<String> seen = new HashSet<>();
        for (ReportPublishedV1.Problem p : problems) {
            if (p.id() == null || p.text() == null) {
                throw new MalformedEventException("problem without id or text in report " + plan.reportId);
            }
            seen.add(p.id());
            String title = p.title() == null || p.title().isBlank() ? p.text() : p.title();
            Integer start = p.span() == null ? null : p.span().start();
            Integer end = p.span() == null ? null : p.span().end();
            Rectification r = known.get(p.id());
            if (r == null) {
                r = new Rectification();
                r.id = UUID.randomUUID();
                r.district = plan.district;
                r.workPlanId = plan.id;
                r.reportId = plan.reportId;
                r.problemId = p.id();
                r.createdAt = now;
            } else if (!r.removed && r.title.equals(title) && r.text.equals(p.text())
                    && Objects.equals(r.spanStart, start) && Objects.equals(r.spanEnd, end)) {
                continue;
            }
            r.title = title;
            r.text = p.text();
            r.spanStart = start;
            r.spanEnd = end;
            r.removed = false;
            r.updatedAt = now;
            r.persist();
        }
        for (Rectification r : known.values()) {
            if (!seen.contains(r.problemId) && !r.removed) {
                r.removed = true;
                r.updatedAt = now;
            }
        }
        em.flush();
        suggest(plan, now);
    }

    /**
     * Recomputes the suggested links of a plan: every problem against every task of the plan that is not cancelled.
     * Confirmed and rejected links keep their status (their score is refreshed); suggestions below the threshold go.
     */
    public void suggest(WorkPlan plan, OffsetDateTime now) {
        em.flush();
        em.createNativeQuery("delete from rectification_link where status = 'SUGGESTED' and rectification_id in"
                + " (select id from rectification where work_plan_id = ?1)").setParameter(1, plan.id).executeUpdate();
        List<Task> tasks = Task.list("workPlanId = ?1 and state <> ?2", plan.id, TaskState.CANCELLED);
        List<TextSimilarity.Candidate<UUID>> candidates = tasks.stream()
                .map(t -> new TextSimilarity.Candidate<>(t.id, taskText(t))).toList();
        TextSimilarity similarity = similarity();
        for (Rectification r : Rectification.<Rectification>list("workPlanId = ?1 and removed = false", plan.id)) {
            for (TextSimilarity.Match<UUID> m : similarity.suggest(r.matchText(), candidates)) {
                em.createNativeQuery("insert into rectification_link (rectification_id, task_id, score, words, status,"
                                + " suggested_at) values (?1, ?2, ?3, ?4, 'SUGGESTED', ?5) on conflict (rectification_id,"
                                + " task_id) do update set score = excluded.score, words = excluded.words")
                        .setParameter(1, r.id).setParameter(2, m.key()).setParameter(3, m.score())
                        .setParameter(4, m.words()).setParameter(5, now).executeUpdate();
            }
        }
    }

    static String taskText(Task t) {
        return (t.title == null || t.text.contains(t.title) ? "" : t.title + "。") + t.text;
    }

    // ── the office's decisions ──

    /** The office confirms that the task addresses the problem (a suggested link, or one it adds itself). */
    public View confirm(UUID id, UUID taskId, String by, OffsetDateTime now) {
        Rectification r = listed(id);
        if (taskId == null) {
            throw ProblemException.invalid("taskId", "field.required");
        }
        Task task = Task.findById(taskId);
        if (task == null || !task.district.equals(r.district)) {
            throw ProblemException.invalid("taskId", "rectification.task.unknown", taskId);
        }
        if (task.state == TaskState.CANCELLED) {
            throw ProblemException.invalid("taskId", "rectification.task.cancelled", task.title);
        }
        TextSimilarity.Score s = similarity().score(r.matchText(), taskText(task));
        em.createNativeQuery("insert into rectification_link (rectification_id, task_id, score, words, status,"
                        + " decided_by, decided_at) values (?1, ?2, ?3, ?4, 'CONFIRMED', ?5, ?6) on conflict"
                        + " (rectification_id, task_id) do update set status = 'CONFIRMED', decided_by = excluded.decided_by,"
                        + " decided_at = excluded.decided_at")
                .setParameter(1, r.id).setParameter(2, task.id).setParameter(3, s.score()).setParameter(4, s.words())
                .setParameter(5, by).setParameter(6, now).executeUpdate();
        return view(r);
    }

    /** The office says the task does not address the problem: the link stays, rejected, and is not suggested again. */
    public View reject(UUID id, UUID taskId, String by, OffsetDateTime now) {
        Rectification r = listed(id);
        int n = em.createNativeQuery("update rectification_link set status = 'REJECTED', decided_by = ?3, decided_at = ?4"
                        + " where rectification_id = ?1 and task_id = ?2")
                .setParameter(1, r.id).setParameter(2, taskId).setParameter(3, by).setParameter(4, now)
                .executeUpdate();
        if (n == 0) {
            throw ProblemException.notFound("rectification-link", taskId);
        }
        return view(r);
    }

    private Rectification listed(UUID id) {
        Rectification r = Rectification.findById(id);
        if (r == null || r.removed) {
            throw ProblemException.notFound("rectification", id);
        }
        return r;
    }

    // ── reading ──

    public record Span(int start, int end) {
    }

    public record LinkView(UUID taskId, String planItemId, String title, TaskState state, String stateName,
                           double score, String words, String reason, LinkStatus status, String decidedBy,
                           OffsetDateTime decidedAt) {
    }

    public record View(UUID id, String district, UUID workPlanId, UUID reportId, String problemId, String title,
                       String text, Span span, RectificationStatus status, String statusName, boolean covered,
                       Coverage coverage, List<LinkView> links, Recurrence recurrence) {
    }

    /** {@code open}: not closed (再次出现 included); {@code recurring}: with a recurrence either way. */
    public record Page(List<View> items, long total, long uncovered, long open, long recurring) {
    }

    public View get(UUID id) {
        return view(listed(id));
    }

    /**
     * {@code taskId}: only the problems that task addresses, confirmed or suggested (a rejected link is the office's
     * word that it does not), as the task page shows them.
     */
    public Page list(UUID reportId, UUID workPlanId, String district, Boolean covered, Boolean recurring, UUID taskId) {
        List<String> where = new ArrayList<>(List.of("removed = false"));
        Map<String, Object> params = new HashMap<>();
        if (taskId != null) {
            @SuppressWarnings("unchecked")
            List<UUID> linked = em.createNativeQuery("select rectification_id from rectification_link"
                    + " where task_id = ?1 and status <> 'REJECTED'").setParameter(1, taskId).getResultList();
            if (linked.isEmpty()) {
                return new Page(List.of(), 0, 0, 0, 0);
            }
            where.add("id in :linked");
            params.put("linked", linked);
        }
        if (reportId != null) {
            where.add("reportId = :reportId");
            params.put("reportId", reportId);
        }
        if (workPlanId != null) {
            where.add("workPlanId = :workPlanId");
            params.put("workPlanId", workPlanId);
        }
        if (district != null && !district.isBlank()) {
            where.add("district = :district");
            params.put("district", district);
        }
        List<Rectification> found = Rectification.list(String.join(" and ", where)
                + " order by reportId, spanStart nulls last, problemId", params);
        Map<UUID, Recurrence> recurrence = recurrences.of(found);
        List<View> views = found.stream().map(r -> view(r, recurrence.get(r.id)))
                .filter(v -> covered == null || v.covered() == covered)
                .filter(v -> recurring == null || (v.recurrence() != null) == recurring).toList();
        return new Page(views, views.size(), views.stream().filter(v -> !v.covered()).count(),
                views.stream().filter(v -> v.status().open()).count(),
                views.stream().filter(v -> v.recurrence() != null).count());
    }

    View view(Rectification r) {
        return view(r, recurrences.of(List.of(r)).get(r.id));
    }

    @SuppressWarnings("unchecked")
    View view(Rectification r, Recurrence recurrence) {
        List<Object[]> rows = em.createNativeQuery("select l.task_id, t.plan_item_id, t.title, t.state, l.score, l.words,"
                        + " l.status, l.decided_by, l.decided_at from rectification_link l join task t on t.id = l.task_id"
                        + " where l.rectification_id = ?1 order by l.score desc, t.plan_item_id")
                .setParameter(1, r.id).getResultList();
        List<LinkView> links = new ArrayList<>();
        for (Object[] row : rows) {
            TaskState state = TaskState.valueOf((String) row[3]);
            String words = (String) row[5];
            links.add(new LinkView((UUID) row[0], (String) row[1], (String) row[2], state,
                    Messages.text("state.task." + state), ((Number) row[4]).doubleValue(), words,
                    words == null || words.isEmpty() ? null : Messages.text("rectification.link.reason", words),
                    LinkStatus.valueOf((String) row[6]), (String) row[7], offset(row[8])));
        }
        List<LinkView> live = links.stream().filter(l -> l.state() != TaskState.CANCELLED).toList();
        Coverage coverage = live.stream().anyMatch(l -> l.status() == LinkStatus.CONFIRMED) ? Coverage.CONFIRMED
                : live.stream().anyMatch(l -> l.status() == LinkStatus.SUGGESTED) ? Coverage.SUGGESTED : Coverage.NONE;
        RectificationStatus status = RectificationStatus.of(links.stream()
                .filter(l -> l.status() == LinkStatus.CONFIRMED).map(LinkView::state).toList(),
                recurrence != null && recurrence.recurredLater());
        return new View(r.id, r.district, r.workPlanId, r.reportId, r.problemId, r.title, r.text,
                r.spanStart == null ? null : new Span(r.spanStart, r.spanEnd), status,
                Messages.text("state.rectification." + status), coverage == Coverage.CONFIRMED, coverage, links,
                recurrence);
    }

    private static OffsetDateTime offset(Object v) {
        if (v == null || v instanceof OffsetDateTime) {
            return (OffsetDateTime) v;
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + v);
    }
}
