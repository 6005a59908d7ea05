package rol.notification.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.notification.department.DepartmentDirectory;
import rol.notification.department.DepartmentNames;
import rol.notification.followup.ReportedDone;
import rol.notification.rollup.Ranking;
import rol.notification.rollup.ScopeKey;
import rol.notification.rollup.ScopeTotals;
import rol.platform.lights.TrafficLightRules;
import rol.platform.problem.Messages;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 进度汇总 and 通报排名 of this deployment's district ({@code rollup.district}), read from the incrementally kept
 * rows. The office, leaders and auditors read every scope; a department reads its own department scope and the
 * district totals, not the ranking (it shows every other department).
 */
@Path("/api")
@Tag(name = "进度汇总与排名", description = "全区、各部门、各工作计划、各发文机关的督办任务进度汇总（红黄绿灯、办结率、按期办结率、"
        + "平均进度）和牵头部门的通报排名，随任务事件增量更新；每个答复附当前的红黄绿灯规则。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RollupResource {

    @Inject
    RollupStore store;

    @Inject
    LightRules rules;

    @Inject
    RollupConfig config;

    @Inject
    Caller caller;

    @Inject
    Reconciler reconciler;

    @Inject
    DepartmentDirectory directory;

    @Inject
    ReportedDone reportedDone;

    /** The thresholds in force, shown with every answer: the rules must be visible. */
    public record Rules(int nearDeadlineWorkingDays, int maxDaysWithoutFeedback, int progressTolerancePercent,
                       double scopeRedShare, double scopeYellowShare, String zone) {
        static Rules of(TrafficLightRules r) {
            return new Rules(r.nearDeadlineWorkingDays(), r.maxDaysWithoutFeedback(), r.progressTolerancePercent(),
                    r.scopeRedShare(), r.scopeYellowShare(), r.zone().getId());
        }
    }

    /**
     * One scope's counters (summed over plan years when no year was asked for) and what follows from them;
     * {@code name} is a department scope's name (its id while the directory has not named it), null for the others;
     * {@code reportedDone} counts the tasks whose plan item the office confirmed as reported done by the issuer's
     * next report (null in reconcile reports, which compare the kept counters only).
     */
    public record Item(String id, String name, Integer year, long tasks, Map<String, Long> byState, long supervised,
                       long closed, long closedOnTime, long overdue, Double completionRate, Double onTimeRate,
                       Double averageProgress, Map<String, Long> lights, String light, Long reportedDone) {
    }

    public record Page(String district, String scope, Integer year, LocalDate asOf, Rules rules, List<Item> items) {
    }

    @GET
    @Path("/rollups")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.DEPARTMENT})
    @Operation(summary = "进度汇总", description = "scope 为 district（全区，默认）、department（部门）、plan（工作计划）或 issuer（发文机关）；"
            + "id 只看其中一个，year 只看一个计划年度（不给则各年合计）。区委依法治区办、区领导、督查可看全部；"
            + "部门只能看全区和本部门。每项的 reportedDone 为计划事项经下一年度报告对照、已报告完成并经区委依法治区办确认的任务数。")
    @APIResponse(responseCode = "400", description = "scope 不是四者之一、year 不在 2000–2100 之间，或 scope=plan 时 id 不是工作计划编号")
    @APIResponse(responseCode = "403", description = "部门账号要看其他部门、工作计划或发文机关的汇总，或没有 department 声明")
    public Page rollups(@QueryParam("scope") String scopeParam, @QueryParam("year") Integer year,
                        @QueryParam("id") String id) {
        Scope scope = Scope.ofWord(scopeParam == null ? "district" : scopeParam.strip())
                .orElseThrow(() -> ProblemException.invalid("scope", "rollup.scope.one-of"));
        checkYear(year);
        String scopeId = id == null || id.isBlank() ? null : id.strip();
        if (scope == Scope.PLAN && scopeId != null) {
            try {
                UUID.fromString(scopeId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("id", "rollup.plan.id");
            }
        }
        if (caller.is(Roles.DEPARTMENT) && !caller.is(Roles.OFFICE)) {
            scopeId = departmentMay(scope, scopeId);
        }
        String district = config.district();
        Map<RowKey, Long> done = reportedDone.counts(district, scope, year, scopeId);
        return new Page(district, scope.word(), year, rules.today(), Rules.of(rules.forDistrict(district)),
                items(district, store.rows(district, scope, year, scopeId), done));
    }

    /** Departments see their own department and the district; the answer is 403 for anything else. */
    private String departmentMay(Scope scope, String scopeId) {
        String own = caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
        if (scope == Scope.DISTRICT) {
            return scopeId;
        }
        if (scope != Scope.DEPARTMENT || (scopeId != null && !scopeId.equals(own))) {
            throw ProblemException.of(403, "rollup.department-only", own);
        }
        return own;
    }

    /** @param name the department's name as the directory has it (its id while the name is unknown) */
    public record RankedDepartment(int rank, String department, String name, long supervised, long closed,
                                   long closedOnTime, long overdue, Double completionRate, Double onTimeRate,
                                   Double averageProgress, String light) {
    }

    public record RankingPage(String district, Integer year, LocalDate asOf, String order,
                              List<RankedDepartment> items) {
    }

    /** 通报排名 of the lead departments (Ranking's documented order), of one plan year or of all. */
    @GET
    @Path("/rankings")
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "通报排名", description = "区委依法治区办、区领导、督查查看牵头部门的排名（某一计划年度或各年合计），"
            + "排序规则见 order；部门无权查看（排名列出所有其他部门）。")
    @APIResponse(responseCode = "400", description = "year 不在 2000–2100 之间")
    public RankingPage rankings(@QueryParam("year") Integer year) {
        checkYear(year);
        String district = config.district();
        Map<ScopeKey, ScopeTotals> departments = new TreeMap<>();
        store.rows(district, Scope.DEPARTMENT, year, null)
                .forEach((k, t) -> departments.put(new ScopeKey(district, Scope.DEPARTMENT.kind(), k.scopeId()), t));
        List<RankedDepartment> items = new ArrayList<>();
        DepartmentNames names = directory.names(district, departments.keySet().stream().map(ScopeKey::value).toList());
        for (Ranking.Entry e : Ranking.rank(departments)) {
            ScopeTotals t = e.totals();
            String id = e.scope().value();
            items.add(new RankedDepartment(e.rank(), id, names.of(id), t.supervised(), t.closed(), t.closedOnTime(),
                    t.overdue(), RollupStore.boxed(t.completionRate()), RollupStore.boxed(t.onTimeRate()),
                    RollupStore.boxed(t.averagePercent()),
                    rules.scopeLight(district, t).map(Enum::name).orElse(null)));
        }
        return new RankingPage(district, year, rules.today(),
                Messages.text("rollup.ranking.order"), items);
    }

    /** The office recounts every rollup from the read model, repairs and reports what differed. */
    @POST
    @Path("/rollups/reconcile")
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "核对并修复汇总", description = "区委依法治区办（office）让系统按今天重新清点每项任务的灯和每个汇总，"
            + "修复不一致之处并列出差异（改动红黄绿灯阈值后应运行一次）。")
    public ReconcileReport reconcile() {
        Reconciler.Result result = reconciler.reconcile();
        // the differences may lie in any district the read model holds: each is named from its own directory
        Map<String, DepartmentNames> names = new HashMap<>();
        result.scopeDifferences().stream().map(Reconciler.ScopeDifference::row)
                .collect(Collectors.groupingBy(RowKey::district))
                .forEach((district, rows) -> names.put(district, names(district, rows)));
        return ReconcileReport.of(result, this, names);
    }

    public record ScopeDifference(String district, String scope, String id, Integer year, Item stored,
                                  Item recounted) {
    }

    public record ReconcileReport(LocalDate asOf, long tasks, int scopes, boolean repaired, long taskDifferences,
                                  List<Reconciler.TaskDifference> taskSamples,
                                  List<ScopeDifference> scopeDifferences) {
        static ReconcileReport of(Reconciler.Result r, RollupResource res, Map<String, DepartmentNames> names) {
            List<ScopeDifference> d = r.scopeDifferences().stream().map(x -> {
                DepartmentNames n = names.getOrDefault(x.row().district(), DepartmentNames.NONE);
                return new ScopeDifference(x.row().district(), x.row().scope().word(), x.row().scopeId(),
                        x.row().yearOrNull(), res.item(x.row(), x.stored(), n, null),
                        res.item(x.row(), x.recounted(), n, null));
            }).toList();
            return new ReconcileReport(r.asOf(), r.tasks(), r.scopes(),
                    r.taskDifferences() > 0 || !d.isEmpty(), r.taskDifferences(), r.taskSamples(), d);
        }
    }

    private static void checkYear(Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalid("year", "rollup.year.range");
        }
    }

    private List<Item> items(String district, SortedMap<RowKey, ScopeTotals> rows, Map<RowKey, Long> done) {
        DepartmentNames names = names(district, rows.keySet());
        return rows.entrySet().stream()
                .map(e -> item(e.getKey(), e.getValue(), names, done.getOrDefault(e.getKey(), 0L))).toList();
    }

    /** The names of the department scopes among the rows. */
    private DepartmentNames names(String district, Collection<RowKey> rows) {
        return directory.names(district, rows.stream().filter(k -> k.scope() == Scope.DEPARTMENT)
                .map(RowKey::scopeId).toList());
    }

    Item item(RowKey k, ScopeTotals t, DepartmentNames names, Long reportedDone) {
        return new Item(k.scopeId(), k.scope() == Scope.DEPARTMENT ? names.of(k.scopeId()) : null, k.yearOrNull(),
                t.tasks(), RollupStore.names(t.byState()), t.supervised(),
                t.closed(), t.closedOnTime(), t.overdue(), RollupStore.boxed(t.completionRate()),
                RollupStore.boxed(t.onTimeRate()), RollupStore.boxed(t.averagePercent()),
                RollupStore.names(t.lights()), rules.scopeLight(k.district(), t).map(Enum::name).orElse(null),
                reportedDone);
    }
}
