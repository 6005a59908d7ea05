package rol.report.followup;

import java.util.ArrayList;
import java.util.List;

import rol.report.parse.AchievementTheme;
import rol.report.parse.ParsedReport;
import rol.report.parse.PlanItem;
import rol.report.parse.Problem;

/** The parts of a report the matcher reads: as parsed, or as stored and corrected since. */
public record ReportParts(String reportId, Integer reportYear, List<AchievementTheme> achievements,
                          List<Problem> problems, List<PlanItem> plan) {

    public ReportParts {
        achievements = List.copyOf(achievements);
        problems = List.copyOf(problems);
        plan = List.copyOf(plan);
    }

    public static ReportParts of(String reportId, ParsedReport p) {
        return new ReportParts(reportId, p.reportYear(), p.achievements(), p.problems(), p.plan());
    }

    /** The actionable plan items (leaves of the outline), in document order. */
    List<PlanItem> planLeaves() {
        List<PlanItem> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    private static void collect(List<PlanItem> items, List<PlanItem> out) {
        for (PlanItem item : items) {
            if (item.leaf()) out.add(item);
            else collect(item.children(), out);
        }
    }
}
