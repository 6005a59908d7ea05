package rol.report.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * The structured report. Every span points into {@link #text()}, the decoded original text as stored
 * (not the simplified or repaired form). Lists are never null; absent scalars are null.
 */
public record ParsedReport(
        String text,
        SourceFormat format,
        String charset,
        String script,
        Genre genre,
        String title,
        Span titleSpan,
        String issuer,
        String docNumber,
        String signatory,
        List<String> recipients,
        List<String> copiedTo,
        Integer reportYear,
        Integer planYear,
        LocalDate issuedOn,
        Contact contact,
        List<AchievementTheme> achievements,
        List<Problem> problems,
        List<PlanItem> plan,
        List<ParseWarning> warnings,
        List<Finding> findings) {

    public static final String SIMPLIFIED = "simplified";
    public static final String TRADITIONAL = "traditional";

    public ParsedReport {
        recipients = List.copyOf(recipients);
        copiedTo = List.copyOf(copiedTo);
        achievements = List.copyOf(achievements);
        problems = List.copyOf(problems);
        plan = List.copyOf(plan);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
    }

    /** The actionable plan items (leaves of the plan outline), in document order. */
    public List<PlanItem> planLeaves() {
        java.util.ArrayList<PlanItem> out = new java.util.ArrayList<>();
        collectLeaves(plan, out);
        return out;
    }

    private static void collectLeaves(List<PlanItem> items, List<PlanItem> out) {
        for (PlanItem item : items) {
            if (item.leaf()) {
                out.add(item);
            } else {
                collectLeaves(item.children(), out);
            }
        }
    }
}
