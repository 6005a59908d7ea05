package rol.notification.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.notification.department.DepartmentDirectory;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import rol.platform.security.Roles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * 全年完成情况: per month of a calendar year what fell due and what was closed (销号), with both summed from January,
 * for the dashboard's line chart. Read at request time from the read model ({@link CompletionStore}); the months and
 * sums are {@link CompletionCurve}'s.
 */
@Path("/api/rollups/months")
@Tag(name = "全年完成情况", description = "按月统计本区（或一个牵头部门）当年应办结（办结时限在该月）和已销号（在该月销号）的督办任务数，"
        + "及自 1 月起的累计数，供总览的折线图使用。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CompletionResource {

    @Inject
    CompletionStore store;

    @Inject
    LightRules rules;

    @Inject
    RollupConfig config;

    @Inject
    Caller caller;

    @Inject
    DepartmentDirectory directory;

    /**
     * @param department the lead department counted, null for the whole district
     * @param name       its name as the directory has it (its id while unknown), null for the district
     * @param zone       the zone whose calendar places a closing in a month
     */
    public record Page(String district, String department, String name, int year, LocalDate asOf, String zone,
                       List<CompletionCurve.Month> months) {
    }

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.LEADER, Roles.AUDITOR, Roles.DEPARTMENT})
    @Operation(summary = "全年各月应办结与已销号", description = "year 为自然年（不给则为今年），按月列出：due 办结时限在该月的任务数"
            + "（不含草稿和已撤销），dueClosed 其中现已销号的，closed 在该月销号的任务数，closedOnTime 其中在办结时限当日或之前销号的，"
            + "以及 cumulativeDue、cumulativeClosed 自 1 月起的累计数；尚未开始的月份 closed、closedOnTime、cumulativeClosed 为 null。"
            + "月份和销号日按本区时区计。区委依法治区办、区领导、督查看全区，或用 department 只看一个牵头部门；"
            + "部门账号只能看本部门牵头的任务。")
    @APIResponse(responseCode = "400", description = "year 不是 2000–2100 之间的年份")
    @APIResponse(responseCode = "403", description = "部门账号要看全区或其他部门的完成情况，或没有 department 声明")
    public Page months(@QueryParam("year") @Parameter(description = "自然年，2000–2100，默认今年") Integer year,
                       @QueryParam("department") @Parameter(description = "牵头部门编号，如 judicial-bureau；不给则为全区")
                       String departmentParam) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ProblemException.invalid("year", "rollup.year.range");
        }
        String department = departmentParam == null || departmentParam.isBlank() ? null : departmentParam.strip();
        if (caller.is(Roles.DEPARTMENT) && !caller.is(Roles.OFFICE)) {
            department = ownDepartment(department);
        }
        String district = config.district();
        LocalDate today = rules.today();
        int y = CompletionCurve.defaultYear(year, today);
        ZoneId zone = rules.forDistrict(district).zone();
        List<CompletionCurve.Month> months = CompletionCurve.of(y, today, store.due(district, department, y),
                store.closed(district, department, y, zone));
        String name = department == null ? null : directory.names(district, List.of(department)).of(department);
        return new Page(district, department, name, y, today, zone.getId(), months);
    }

    /** A department reads its own lead tasks' curve only: the district's shows every other department's work too. */
    private String ownDepartment(String asked) {
        String own = caller.department().orElseThrow(() -> ProblemException.of(403, "no-department"));
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.of(403, "rollup.months.department-only", own);
        }
        return own;
    }
}
