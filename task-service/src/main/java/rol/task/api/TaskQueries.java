package rol.task.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import rol.platform.lights.TrafficLight;
import rol.platform.problem.ProblemException;
import rol.platform.query.Like;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.lifecycle.ExtensionRequest;
import rol.task.plan.PendingRevision;
import rol.task.lights.LightFilter;
import rol.task.lights.TaskLights;
import rol.task.plan.Task;
import rol.task.suggestion.ChineseText;
import rol.task.workflow.TaskState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place a task list is queried: the caller's visibility (a department sees only the tasks it leads or
 * supports; office, leaders and auditors see all), the filters and the order. The task list and the ledger both
 * use it, so that the ledger is exactly the list, whole.
 */
@ApplicationScoped
public class TaskQueries {

    private static final Map<String, String> SORTABLE = Map.of(
            "deadline", "deadline", "createdAt", "createdAt", "title", "title", "percent", "percent",
            "state", "state", "updatedAt", "updatedAt");

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    TaskLights lights;

    @Inject
    EntityManager em;

    /** The tasks the caller may see that pass the filter, in the filter's order (then by id). */
    public PanacheQuery<Task> find(TaskFilter filter) {
        Where w = where(filter);
        return Task.find(w.hql() + " order by " + order(filter.sort()), w.params());
    }

    /**
     * One page of {@link #find}. Offset and size are written into the query, not bound: for a bound limit
     * PostgreSQL's generic plan assumes a tenth of the matches are wanted, and for a search among a department's
     * tasks it then reads and sorts every match (75 ms over 100,000 tasks) instead of walking the deadline index to
     * the first 20 (docs/benchmarks.md, "The reads every screen waits on").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Task> page(TaskFilter filter, int page, int size) {
        Where w = where(filter);
        planForTheWords(filter);
        var query = em.createQuery("from Task where " + w.hql() + " order by " + order(filter.sort())
                + " limit " + size + " offset " + (long) page * size, Task.class);
        w.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * How many tasks {@link #find} lists, counted no further than {@code cap}: an exact count reads every matching
     * row, and a search runs LIKE on each. In no order, so that PostgreSQL stops at the cap: ordered, it had to find
     * and sort every match first (a search among all tasks: 8 ms at a cap of 5,000, 0.6 ms unordered at 1,000).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long countUpTo(TaskFilter filter, long cap) {
        Where w = where(filter);
        planForTheWords(filter);
        // the cap is written into the query, not bound, for the same reason as the page's size; HQL takes a limit
        // without an order only at the top, so the rows (a 1 each) are counted here rather than by count(*)
        var query = em.createQuery("select 1 from Task where " + w.hql() + " limit " + cap, Integer.class);
        w.params().forEach(query::setParameter);
        return query.getResultList().size();
    }

    /**
     * A text search is planned for the words searched, each time: after five runs of one statement the driver's
     * prepared statement may get PostgreSQL's generic plan, made for any words. That plan assumed a LIKE keeps 0.5 %
     * of the tasks and combined the trigram index with the department's scope; for a word most tasks contain the
     * index then returned every task (for two characters it cannot serve the pattern at all and reads all of it):
     * a department's search took 150–240 ms instead of 3–8 ms (docs/benchmarks.md, "The reads every screen waits
     * on"). Local to the caller's transaction, so the pooled connection keeps its settings.
     */
    private void planForTheWords(TaskFilter filter) {
        if (filter.q() != null && !filter.q().isBlank()) {
            em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        }
    }

    private record Where(String hql, Map<String, Object> params) {
    }

    private Where where(TaskFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope(where, params);
        add(where, params, filter.reportId(), "reportId = :reportId", "reportId");
        add(where, params, filter.workPlanId(), "workPlanId = :workPlanId", "workPlanId");
        add(where, params, filter.district(), "district = :district", "district");
        add(where, params, filter.department(), Boolean.TRUE.equals(filter.leadOnly()) ? "leadDepartment = :department"
                : "(leadDepartment = :department or array_contains(coDepartments, :department))", "department");
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.add("state in :states");
            params.put("states", filter.states());
        }
        add(where, params, filter.planYear(),
                "workPlanId in (select p.id from WorkPlan p where p.planYear = :planYear)", "planYear");
        add(where, params, filter.issuer(), "workPlanId in (select p.id from WorkPlan p where p.issuer = :issuer)",
                "issuer");
        add(where, params, filter.keySupervision(), "keySupervision = :keySupervision", "keySupervision");
        add(where, params, filter.deadlineBefore(), "deadline < :deadlineBefore", "deadlineBefore");
        add(where, params, filter.deadlineFrom(), "deadline >= :deadlineFrom", "deadlineFrom");
        closings(where, params, filter);
        if (filter.overdue() != null) {
            where.add((filter.overdue() ? "" : "not ") + "(deadline < :today and state not in :finished)");
            params.put("today", LocalDate.now(clock));
            params.put("finished", List.of(TaskState.CLOSED, TaskState.CANCELLED));
        }
        if (filter.pending() == TaskFilter.Pending.EXTENSION) {
            where.add("id in (select r.taskId from ExtensionRequest r where r.status = :extensionPending)");
            params.put("extensionPending", ExtensionRequest.Status.PENDING);
        } else if (filter.pending() == TaskFilter.Pending.REVISION) {
            where.add("id in (select r.taskId from PendingRevision r where r.status = :revisionPending)");
            params.put("revisionPending", PendingRevision.Status.PENDING);
        }
        Set<TrafficLight> asked = EnumSet.noneOf(TrafficLight.class);
        if (filter.lights() != null) {
            filter.lights().stream().filter(Objects::nonNull).forEach(asked::add); // "light=" is no filter
        }
        if (!asked.isEmpty()) {
            LightFilter.Clause lit = lights.filter(asked);
            where.add(lit.hql());
            params.putAll(lit.params());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            // the stored search form is simplified and lower case: traditional finds simplified and the reverse
            where.add("searchText like :q" + Like.ESCAPE);
            params.put("q", Like.containing(ChineseText.searchForm(filter.q().strip())));
        }
        return new Where(where.isEmpty() ? "1 = 1" : String.join(" and ", where), params);
    }

    /**
     * The closings (销号) filters, counted as notification-service's completion curve counts them
     * ({@code CompletionStore.closed}): closed tasks, the day of closing in the lights' zone (the instant the range's
     * first day begins there, and the next one's), on time when that day is not after the deadline.
     */
    private void closings(List<String> where, Map<String, Object> params, TaskFilter filter) {
        if (filter.closedFrom() == null && filter.closedBefore() == null && filter.closedOnTime() == null) {
            return;
        }
        ZoneId zone = lights.zone();
        where.add("state = :closedState");
        params.put("closedState", TaskState.CLOSED);
        add(where, params, startOf(filter.closedFrom(), zone), "closedAt >= :closedFrom", "closedFrom");
        add(where, params, startOf(filter.closedBefore(), zone), "closedAt < :closedBefore", "closedBefore");
        if (filter.closedOnTime() != null) {
            // a fixed offset goes as an interval: PostgreSQL reads "+08:00" as a POSIX zone (sign reversed)
            ZoneOffset offset = zone.normalized() instanceof ZoneOffset o ? o : null;
            where.add("cast(sql('coalesce(cast(timezone(cast(? as " + (offset != null ? "interval" : "text")
                    + "), ?) as date) <= ?, false)', :closedZone, closedAt, deadline) as Boolean) = :closedOnTime");
            params.put("closedZone", offset == null ? zone.getId()
                    : offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
            params.put("closedOnTime", filter.closedOnTime());
        }
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The filter's order as HQL, then by id; the field is one of {@link #SORTABLE}, never the caller's text. */
    private static String order(String sort) {
        String s = sort == null || sort.isBlank() ? TaskFilter.DEFAULT_SORT : sort;
        String field = SORTABLE.get(s.replaceFirst("^-", ""));
        return field + (s.startsWith("-") ? " desc" : "") + ", id";
    }

    private boolean seesAll() {
        return caller.is(Roles.OFFICE) || caller.is(Roles.LEADER) || caller.is(Roles.AUDITOR);
    }

    /** Department staff see only the tasks their department leads or supports. */
    private void scope(List<String> where, Map<String, Object> params) {
        if (!seesAll()) {
            where.add("(leadDepartment = :own or array_contains(coDepartments, :own))");
            params.put("own", caller.department().orElseThrow(() -> ProblemException.of(403, "no-department")));
        }
    }

    private static void add(List<String> where, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(clause);
            params.put(name, value);
        }
    }
}
