package rol.task.rectification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.ProblemsRecurredV1;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recurring problems report-service finds (report.problems-recurred.v1), kept as pairs of ids (V15) and shown on
 * both rectification items: the later one lists the earlier, the earlier one where it recurred. Applied in the inbox
 * transaction; the event is whole, so it replaces every pair of its report and a replay writes the same rows.
 */
@ApplicationScoped
public class Recurrences {

    private static final TypeReference<List<Integer>> YEARS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void replace(ProblemsRecurredV1 event) {
        UUID report = uuid(event.reportId(), "reportId");
        em.createNativeQuery("delete from problem_recurrence where report_id = ?1").setParameter(1, report)
                .executeUpdate();
        for (ProblemsRecurredV1.Recurrence p : event.problems()) {
            if (p.problemId() == null) {
                throw new MalformedEventException(ProblemsRecurredV1.TYPE + " with a problem without id: " + report);
            }
            for (ProblemsRecurredV1.Earlier e : p.earlier()) {
                if (e.problemId() == null) {
                    throw new MalformedEventException(ProblemsRecurredV1.TYPE + " with an earlier problem without id: "
                            + report);
                }
                // a pair named twice in one event keeps its last values rather than failing the whole event
                em.createNativeQuery("""
                        insert into problem_recurrence (report_id, problem_id, earlier_report_id, earlier_problem_id,
                            report_year, earlier_report_year, years, title, earlier_title, similarity)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, ?10)
                        on conflict (report_id, problem_id, earlier_report_id, earlier_problem_id) do update set
                            report_year = excluded.report_year, earlier_report_year = excluded.earlier_report_year,
                            years = excluded.years, title = excluded.title, earlier_title = excluded.earlier_title,
                            similarity = excluded.similarity
                        """)
                        .setParameter(1, report).setParameter(2, p.problemId())
                        .setParameter(3, uuid(e.reportId(), "earlier.reportId")).setParameter(4, e.problemId())
                        .setParameter(5, event.reportYear()).setParameter(6, e.reportYear())
                        .setParameter(7, write(p.years())).setParameter(8, p.title()).setParameter(9, e.title())
                        .setParameter(10, e.similarity())
                        .executeUpdate();
            }
        }
    }

    /**
     * The recurrence of each rectification that has one, by rectification id; one query for a page. A pair whose
     * other problem a revision removed (its rectification is marked removed) no longer counts; a pair whose other
     * rectification does not exist here yet counts, with the title the event gave.
     */
    public Map<UUID, Recurrence> of(Collection<Rectification> rectifications) {
        Map<UUID, Recurrence> out = new HashMap<>();
        if (rectifications.isEmpty()) {
            return out;
        }
        UUID[] reports = rectifications.stream().map(r -> r.reportId).distinct().toArray(UUID[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select p.report_id, p.report_year, p.problem_id, coalesce(l.title, p.title),
                       p.earlier_report_id, p.earlier_report_year, p.earlier_problem_id, coalesce(e.title, p.earlier_title),
                       cast(p.years as text)
                from problem_recurrence p
                left join rectification l on l.report_id = p.report_id and l.problem_id = p.problem_id
                left join rectification e on e.report_id = p.earlier_report_id and e.problem_id = p.earlier_problem_id
                where (p.report_id = any(?1) or p.earlier_report_id = any(?1))
                  and coalesce(l.removed, false) = false and coalesce(e.removed, false) = false""")
                .setParameter(1, reports).getResultList();
        List<Recurrence.Pair> pairs = new ArrayList<>();
        for (Object[] row : rows) {
            pairs.add(new Recurrence.Pair(
                    new Recurrence.Ref(id(row[0]), year(row[1]), (String) row[2], (String) row[3]),
                    new Recurrence.Ref(id(row[4]), year(row[5]), (String) row[6], (String) row[7]),
                    read((String) row[8])));
        }
        for (Rectification r : rectifications) {
            Recurrence recurrence = Recurrence.of(r.reportId, r.problemId, pairs);
            if (recurrence != null) {
                out.put(r.id, recurrence);
            }
        }
        return out;
    }

    private static UUID uuid(String value, String member) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(ProblemsRecurredV1.TYPE + " without a valid " + member + ": " + value);
        }
    }

    private static UUID id(Object v) {
        return v instanceof UUID u ? u : UUID.fromString(v.toString());
    }

    private static Integer year(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    private List<Integer> read(String text) {
        try {
            return json.readValue(text, YEARS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recurrence years are unreadable", e);
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
