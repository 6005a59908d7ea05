package rol.platform.event.report;

import java.util.List;

/**
 * {@code report.problems-recurred.v1} on {@code report-events}, key = report id: problems of a newly published report
 * that earlier published reports of the same issuer already named. {@code years} lists every report year the problem
 * appeared in, this report's included.
 */
public record ProblemsRecurredV1(
        String reportId,
        String district,
        String issuer,
        Integer reportYear,
        List<Recurrence> problems) {

    public static final String TYPE = "report.problems-recurred.v1";

    public ProblemsRecurredV1 {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public record Recurrence(String problemId, String title, List<Integer> years, List<Earlier> earlier) {
        public Recurrence {
            years = years == null ? List.of() : List.copyOf(years);
            earlier = earlier == null ? List.of() : List.copyOf(earlier);
        }
    }

    public record Earlier(String reportId, int reportYear, String problemId, String title, double similarity) {
    }
}
