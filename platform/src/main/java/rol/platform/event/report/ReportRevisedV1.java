package rol.platform.event.report;

import java.util.List;

/**
 * {@code report.revised.v1} on {@code report-events}, key = report id: a published report was corrected. Carries the
 * whole report as it is after the correction (the shape of {@link ReportPublishedV1}) plus {@code revision}, which
 * counts the corrections made after publishing (1 for the first); a consumer ignores a revision not newer than the
 * one it has applied. Item ids are stable: an id that is gone was deleted or merged away, a new id is a new item.
 */
public record ReportRevisedV1(
        String reportId,
        String district,
        int revision,
        String issuer,
        String title,
        Integer reportYear,
        Integer planYear,
        List<ReportPublishedV1.PlanItem> planItems,
        List<ReportPublishedV1.Problem> problems) {

    public static final String TYPE = "report.revised.v1";

    public ReportRevisedV1 {
        planItems = planItems == null ? List.of() : List.copyOf(planItems);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
