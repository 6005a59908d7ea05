package rol.task.ledgerimport.reading;

import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of the preview: the task the row would create or update, as read and resolved, and what is wrong with
 * it. A row with an error cannot be committed until it is corrected or skipped.
 *
 * @param key      sheet and row, the row's identity in corrections ({@code 督办台账!12})
 * @param title    the task's text, cut to {@link RowReader#MAX_TITLE} characters; {@code text} all of it
 * @param taskId   the 任务编号 column's task id, if the ledger has one
 * @param longTerm 长期坚持 and the like: no deadline, on purpose
 * @param closedOn the date it was closed, from the ledger; null when it has none
 */
public record ImportRow(String key, String sheet, int row, String number, String theme, String title, String text,
                        DepartmentMatch lead, List<DepartmentMatch> co, String deadlineText, LocalDate deadline,
                        boolean longTerm, String stateText, TaskState state, Integer percent, String progress,
                        String note, LocalDate closedOn, String taskId, boolean skipped, List<Issue> issues) {

    public ImportRow {
        co = List.copyOf(co);
        issues = List.copyOf(issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == Issue.Severity.ERROR);
    }

    public List<String> coDepartmentIds() {
        return co.stream().map(DepartmentMatch::departmentId).filter(id -> id != null && lead != null
                && !id.equals(lead.departmentId())).distinct().toList();
    }

    /** This row with one more issue. */
    public ImportRow with(Issue issue) {
        List<Issue> more = new java.util.ArrayList<>(issues);
        more.add(issue);
        return new ImportRow(key, sheet, row, number, theme, title, text, lead, co, deadlineText, deadline, longTerm,
                stateText, state, percent, progress, note, closedOn, taskId, skipped, more);
    }

    public static String key(String sheet, int row) {
        return sheet + "!" + row;
    }
}
