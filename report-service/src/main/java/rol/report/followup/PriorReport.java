package rol.report.followup;

import rol.report.parse.ParsedReport;

/** An earlier published report of the same issuer, as the recurrence check needs it. */
public record PriorReport(String reportId, int reportYear, ParsedReport parsed) {
}
