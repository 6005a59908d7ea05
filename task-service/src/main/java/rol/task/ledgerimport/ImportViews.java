package rol.task.ledgerimport;

import rol.task.ledgerimport.reading.RowPlan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The preview of an import as the office reads it (and the console shows it). */
public final class ImportViews {

    private ImportViews() {
    }

    public record Preview(UUID id, String fileName, int planYear, String uploadedBy, OffsetDateTime uploadedAt,
                          OffsetDateTime committedAt, Summary summary, List<Row> rows) {
    }

    /** Rows by what committing them does; {@code errors} rows block the commit until corrected or skipped. */
    public record Summary(int rows, int create, int update, int unchanged, int conflict, int skip, int errors) {
    }

    public record Row(String key, String sheet, int row, String number, String theme, String title,
                      Department lead, List<Department> coDepartments, String deadlineText, LocalDate deadline,
                      boolean longTerm, String stateText, String state, String stateName, Integer percent,
                      String progress, String note, LocalDate closedOn, boolean skipped, RowPlan.Action action,
                      String taskId, List<RowPlan.Change> changes, List<CellIssue> issues) {
    }

    /** A department name as written, what it was resolved to, and the candidates when unsure. */
    public record Department(String written, String departmentId, String name, String match,
                             List<Candidate> candidates) {
    }

    public record Candidate(String departmentId, String name, double score) {
    }

    /** An error or warning of one cell, in Chinese. */
    public record CellIssue(String column, String columnName, String severity, String code, String message) {
    }

    /** PATCH body: names → department ids, state texts → states, rows to skip or take back. */
    public record Corrections(java.util.Map<String, String> departments, java.util.Map<String, String> states,
                              List<String> skip, List<String> unskip) {
    }
}
