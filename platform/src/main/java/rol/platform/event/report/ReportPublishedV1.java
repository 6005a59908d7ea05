package rol.platform.event.report;

import java.util.List;

/**
 * {@code report.published.v1} on {@code report-events}, key = report id: the office published a report; its plan
 * items and problems are final enough to become tasks and rectification items. Plan items come flat in document
 * order; {@code parentId} rebuilds the outline and {@code leaf} marks the actionable ones.
 */
public record ReportPublishedV1(
        String reportId,
        String district,
        String issuer,
        String title,
        Integer reportYear,
        Integer planYear,
        List<PlanItem> planItems,
        List<Problem> problems) {

    public static final String TYPE = "report.published.v1";

    public ReportPublishedV1 {
        planItems = planItems == null ? List.of() : List.copyOf(planItems);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A stable id survives corrections, so a revision can say which item changed. {@code span} is null for an item a clerk added by hand. */
    public record PlanItem(String id, String parentId, String title, String text, boolean leaf, Span span) {
    }

    public record Problem(String id, String title, String text, Span span) {
    }

    /** Offsets (UTF-16 code units, end exclusive) into the report's stored text. */
    public record Span(int start, int end) {
    }
}
