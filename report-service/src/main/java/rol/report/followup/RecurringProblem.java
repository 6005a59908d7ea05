package rol.report.followup;

import java.util.List;

/** A problem of the new report that earlier reports of the same issuer already named, and the years it appeared. */
public record RecurringProblem(String problemId, String title, List<Integer> years, List<EarlierProblem> earlier) {
    public RecurringProblem {
        years = List.copyOf(years);
        earlier = List.copyOf(earlier);
    }

    /** One earlier naming of the problem, with the similarity (0..1) that matched it. */
    public record EarlierProblem(String reportId, int reportYear, String problemId, String title, double similarity) {
    }
}
