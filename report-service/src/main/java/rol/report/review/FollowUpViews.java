package rol.report.review;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@code GET /api/reports/{id}/follow-up} answers. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    /**
     * {@code planItems}: this report's plan items judged against the later report, and the earlier report's plan items
     * this report's achievements were judged as evidence for; {@code recurringProblems}: this report's problems that
     * earlier reports of the issuer named.
     */
    public record FollowUp(String reportId, List<PlanItem> planItems, List<Recurrence> recurringProblems) {
    }

    /** {@code evidence}: [{achievementId, title, text, span, score}] in the later report, best first. */
    public record PlanItem(String earlierReportId, String laterReportId, String planItemId, String title,
                           String verdict, double coverage, JsonNode evidence, String decision, String decidedBy,
                           OffsetDateTime decidedAt) {
    }

    /** {@code years}: every report year the problem appeared in; {@code earlier}: where, with the similarity. */
    public record Recurrence(String problemId, String title, JsonNode years, JsonNode earlier) {
    }

    /** The office's decision on a verdict: CONFIRMED or REJECTED. */
    public record Decision(String decision) {
    }
}
