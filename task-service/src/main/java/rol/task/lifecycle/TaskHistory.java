package rol.task.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.problem.ProblemException;
import rol.task.plan.Task;
import rol.task.workflow.Access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reading a task's trail: its history (全程留痕) and every deadline it has had. */
@ApplicationScoped
public class TaskHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TaskSteps steps;

    @Inject
    EntityManager em;

    /** One entry of 全程留痕. */
    public record Entry(long id, OffsetDateTime at, String actor, String capacity, String action,
                        String stateBefore, String stateAfter, JsonNode before, JsonNode after, JsonNode detail) {
    }

    /** @param reason why: the extension request's reason, or the office's when it changed the definition */
    public record DeadlineChange(OffsetDateTime at, String by, String cause, LocalDate oldDeadline,
                                 LocalDate newDeadline, UUID extensionRequestId, String reason) {
    }

    /** The history of a task the caller may see and whose trail they may read (Access.canReadHistory). */
    public List<Entry> of(UUID id) {
        Task task = steps.visible(id);
        if (!Access.canReadHistory(steps.actor(), steps.actor().participationIn(task.owners()))) {
            throw ProblemException.of(403, "task.history-not-for-role");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, at, actor, capacity, action, state_before, state_after,"
                        + " before::text, after::text, detail::text from task_history where task_id = ?1 order by id")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), offset(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], tree((String) r[7]), tree((String) r[8]),
                tree((String) r[9]))).toList();
    }

    /** Every deadline of a task, oldest first; the caller has made sure the task is theirs to read. */
    public List<DeadlineChange> deadlines(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select changed_at, changed_by, cause, old_deadline, new_deadline,"
                        + " extension_request_id, reason from deadline_change where task_id = ?1 order by id")
                .setParameter(1, taskId).getResultList();
        return rows.stream().map(r -> new DeadlineChange(offset(r[0]), (String) r[1], (String) r[2], date(r[3]),
                date(r[4]), (UUID) r[5], (String) r[6])).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history row is not JSON", e);
        }
    }

    private static OffsetDateTime offset(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + v);
    }

    private static LocalDate date(Object v) {
        if (v == null || v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("not a date: " + v);
    }
}
