package rol.task.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.plan.Task;
import rol.task.workflow.TaskState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/tasks")
@RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TaskResource {

    private static final Map<String, String> SORTABLE = Map.of(
            "deadline", "deadline", "createdAt", "createdAt", "title", "title", "percent", "percent",
            "state", "state", "updatedAt", "updatedAt");

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    public TaskView.Page list(@QueryParam("reportId") UUID reportId,
                              @QueryParam("workPlanId") UUID workPlanId,
                              @QueryParam("district") String district,
                              @QueryParam("department") String department,
                              @QueryParam("state") List<TaskState> states,
                              @QueryParam("planYear") Integer planYear,
                              @QueryParam("issuer") String issuer,
                              @QueryParam("keySupervision") Boolean keySupervision,
                              @QueryParam("deadlineBefore") LocalDate deadlineBefore,
                              @QueryParam("overdue") Boolean overdue,
                              @QueryParam("q") String q,
                              @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "{page.min}") int page,
                              @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "{size.range}")
                              @Max(value = 200, message = "{size.range}") int size,
                              @QueryParam("sort") @DefaultValue("deadline")
                              @Pattern(regexp = "-?(deadline|createdAt|title|percent|state|updatedAt)",
                                      message = "{sort.pattern}") String sort) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        scope(where, params);
        add(where, params, reportId, "reportId = :reportId", "reportId");
        add(where, params, workPlanId, "workPlanId = :workPlanId", "workPlanId");
        add(where, params, district, "district = :district", "district");
        add(where, params, department, "(leadDepartment = :department or array_contains(coDepartments, :department))",
                "department");
        if (states != null && !states.isEmpty()) {
            where.add("state in :states");
            params.put("states", states);
        }
        add(where, params, planYear, "workPlanId in (select p.id from WorkPlan p where p.planYear = :planYear)",
                "planYear");
        add(where, params, issuer, "workPlanId in (select p.id from WorkPlan p where p.issuer = :issuer)", "issuer");
        add(where, params, keySupervision, "keySupervision = :keySupervision", "keySupervision");
        add(where, params, deadlineBefore, "deadline < :deadlineBefore", "deadlineBefore");
        if (overdue != null) {
            where.add((overdue ? "" : "not ") + "(deadline < :today and state not in :finished)");
            params.put("today", LocalDate.now(clock));
            params.put("finished", List.of(TaskState.CLOSED, TaskState.CANCELLED));
        }
        if (q != null && !q.isBlank()) {
            where.add("(lower(title) like :q or lower(text) like :q)");
            params.put("q", "%" + q.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String field = SORTABLE.get(sort.replaceFirst("^-", ""));
        Sort order = (sort.startsWith("-") ? Sort.descending(field) : Sort.ascending(field)).and("id");
        PanacheQuery<Task> query = Task.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), order, params);
        List<TaskView> items = query.page(Page.of(page, size)).list().stream().map(TaskView::of).toList();
        return new TaskView.Page(items, query.count());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        Task task = visible(id);
        return Response.ok(TaskView.of(task)).tag(new EntityTag(String.valueOf(task.version))).build();
    }

    /**
     * A task the caller may see. Another department's task is answered exactly like a task that does not exist
     * (404), so that ids cannot be probed.
     */
    Task visible(UUID id) {
        Task task = Task.findById(id);
        if (task == null || (!seesAll() && !task.involves(ownDepartment()))) {
            throw ProblemException.notFound("task", id);
        }
        return task;
    }

    private boolean seesAll() {
        return caller.is(Roles.OFFICE) || caller.is(Roles.LEADER) || caller.is(Roles.AUDITOR);
    }

    /** Department staff see only the tasks their department leads or supports. */
    private void scope(List<String> where, Map<String, Object> params) {
        if (!seesAll()) {
            where.add("(leadDepartment = :own or array_contains(coDepartments, :own))");
            params.put("own", ownDepartment());
        }
    }

    private String ownDepartment() {
        return caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
    }

    private static void add(List<String> where, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(clause);
            params.put(name, value);
        }
    }
}
