package rol.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.event.EventJson;
import rol.platform.event.task.TaskV1;
import rol.task.plan.Task;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Appends an entry to a task's history (全程留痕) in the current transaction, for changes that are not lifecycle
 * actions of a user: a report revision applied to a draft by the system, or one the office accepts or rejects.
 */
@ApplicationScoped
public class TaskTrail {

    /** Who the history names for changes that come from a report revision (report.revised.v1). */
    public static final String REPORT_REVISION_ACTOR = "report-revision";
    public static final String SYSTEM_CAPACITY = "SYSTEM";

    @Inject
    EntityManager em;

    public void append(Task task, OffsetDateTime at, String actor, String capacity, String action, String stateBefore,
                       TaskV1 before, TaskV1 after, Map<String, Object> detail) {
        em.createNativeQuery("insert into task_history (task_id, at, actor, capacity, action, state_before, state_after,"
                        + " before, after, detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb),"
                        + " cast(?10 as jsonb))")
                .setParameter(1, task.id).setParameter(2, at).setParameter(3, actor).setParameter(4, capacity)
                .setParameter(5, action).setParameter(6, stateBefore).setParameter(7, task.state.name())
                .setParameter(8, EventJson.tree(before).toString()).setParameter(9, EventJson.tree(after).toString())
                .setParameter(10, EventJson.tree(detail).toString())
                .executeUpdate();
    }
}
