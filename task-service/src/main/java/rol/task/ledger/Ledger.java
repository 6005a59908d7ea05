package rol.task.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.platform.lights.LightVerdict;
import rol.platform.problem.Messages;
import rol.platform.problem.ProblemException;
import rol.task.api.TaskFilter;
import rol.task.api.TaskQueries;
import rol.task.departments.DepartmentEntity;
import rol.task.lights.TaskLights;
import rol.task.plan.Task;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ledger (台账): every task of the list the caller may see, with the same filters and order as
 * {@code GET /api/tasks} ({@link TaskQueries}), all of it, in the words of a meeting.
 */
@ApplicationScoped
public class Ledger {

    private static final int FEEDBACK_BATCH = 1000;

    @Inject
    TaskQueries queries;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TaskLights lights;

    /** More tasks than this in one export: 400, narrow the filters. */
    @ConfigProperty(name = "ledger.max-rows", defaultValue = "50000")
    int maxRows;

    /** The zone of the export date and of the feedback dates (the office's working day). */
    @ConfigProperty(name = "ledger.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public List<LedgerRow> rows(TaskFilter filter) {
        PanacheQuery<Task> query = queries.find(filter);
        long count = query.count();
        if (count > maxRows) {
            throw ProblemException.of(400, "ledger-too-large", count, maxRows);
        }
        List<Task> tasks = query.list();
        Map<String, String> names = departmentNames();
        Map<UUID, String> feedback = latestFeedback(tasks.stream().map(t -> t.id).toList());
        List<LedgerRow> rows = new ArrayList<>(tasks.size());
        LocalDate lightsToday = lights.today();
        int n = 0;
        for (Task t : tasks) {
            LightVerdict light = lights.verdict(t, lightsToday);
            rows.add(new LedgerRow(++n, t.title, name(names, t.district, t.leadDepartment),
                    t.coDepartments.stream().map(d -> name(names, t.district, d)).collect(Collectors.joining("、")),
                    t.deadline, Messages.text("state.task." + t.state.name()), t.percent, feedback.get(t.id),
                    withNote(lightText(light), lights.calendarNote(t, lightsToday)), light.light().orElse(null),
                    t.id.toString()));
        }
        return rows;
    }

    /**
     * The light in a meeting's words: "红灯（逾期未办结）", "绿灯" (a reason only where it says more than the light), and
     * for a task without a light what the rule says instead ("按期办结", "逾期办结"; nothing for drafts and cancelled
     * tasks, whose state says it all).
     */
    static String lightText(LightVerdict verdict) {
        String reason = Messages.text("light.reason." + verdict.reason().name());
        return verdict.light()
                .map(l -> reason.isEmpty() ? Messages.text("light." + l.name())
                        : Messages.text("light.with-reason", Messages.text("light." + l.name()), reason))
                .orElse(reason);
    }

    /** The light cell with the missing-year note after it: "绿灯；2027年节假日安排未录入，按周末计算". */
    static String withNote(String light, String note) {
        return note == null ? light : light.isEmpty() ? note : light + "；" + note;
    }

    /** Department names by district and id; a department no longer in the directory shows its id. */
    private static Map<String, String> departmentNames() {
        Map<String, String> names = new HashMap<>();
        for (DepartmentEntity d : DepartmentEntity.<DepartmentEntity>listAll()) {
            names.put(d.district + "/" + d.departmentId, d.name);
        }
        return names;
    }

    private static String name(Map<String, String> names, String district, String department) {
        return department == null ? "" : names.getOrDefault(district + "/" + department, department);
    }

    /** Each task's latest progress report (进度反馈) as "date note"; tasks without one are absent. */
    private Map<UUID, String> latestFeedback(List<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += FEEDBACK_BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + FEEDBACK_BATCH));
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("select distinct on (task_id) task_id, reported_at, note"
                            + " from progress_report where task_id in (:ids)"
                            + " order by task_id, reported_at desc, id desc", Object[].class)
                    .setParameter("ids", batch).getResultList();
            for (Object[] r : found) {
                LocalDate date = LocalDate.ofInstant(instant(r[1]), zone);
                String note = r[2] == null ? "" : ((String) r[2]).strip();
                out.put((UUID) r[0], note.isEmpty() ? date.toString() : date + " " + note);
            }
        }
        return out;
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
