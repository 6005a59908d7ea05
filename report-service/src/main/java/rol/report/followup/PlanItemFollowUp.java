package rol.report.followup;

import java.util.List;

/**
 * What the later report says about one plan item of the earlier one: the verdict, the idf-weighted share of the
 * item's words its evidence contains ({@code coverage}, 0..1) and the evidence, best first (empty when not mentioned).
 */
public record PlanItemFollowUp(String planItemId, String title, Verdict verdict, double coverage,
                               List<Evidence> evidence) {
    public PlanItemFollowUp {
        evidence = List.copyOf(evidence);
    }
}
