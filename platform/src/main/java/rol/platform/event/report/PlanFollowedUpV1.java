package rol.platform.event.report;

import java.util.List;

/**
 * {@code report.plan-followed-up.v1} on {@code report-events}, key = the earlier report's id: a report of the same
 * issuer for the earlier report's plan year was published, and each plan item of the earlier report got a verdict
 * (REPORTED_DONE, PARTLY_MENTIONED, NOT_MENTIONED) with the later report's achievement passages as evidence, best
 * first. Sent again, whole, when either report is published anew; a consumer keeps the latest per plan item.
 */
public record PlanFollowedUpV1(
        String earlierReportId,
        String laterReportId,
        String district,
        String issuer,
        Integer planYear,
        List<Item> items) {

    public static final String TYPE = "report.plan-followed-up.v1";

    public PlanFollowedUpV1 {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** {@code coverage}: the idf-weighted share (0..1) of the plan item's words that the evidence contains. */
    public record Item(String planItemId, String verdict, double coverage, List<Evidence> evidence) {
        public Item {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** An achievement passage of the later report; {@code span} points into that report's stored text. */
    public record Evidence(String achievementId, String title, String text, ReportPublishedV1.Span span,
                           double score) {
    }
}
