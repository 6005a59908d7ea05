package rol.platform.event.report;

/**
 * {@code report.plan-match-decided.v1} on {@code report-events}, key = the earlier report's id: the office
 * confirmed or rejected the verdict on one plan item. {@code decision} is CONFIRMED or REJECTED; a later decision on
 * the same item replaces an earlier one. A confirmed REPORTED_DONE counts as "plan item reported done" in rollups.
 */
public record PlanMatchDecidedV1(
        String earlierReportId,
        String laterReportId,
        String district,
        String planItemId,
        String verdict,
        String decision,
        String decidedBy,
        String decidedAt) {

    public static final String TYPE = "report.plan-match-decided.v1";
}
