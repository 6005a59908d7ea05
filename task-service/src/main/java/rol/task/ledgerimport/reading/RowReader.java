package rol.task.ledgerimport.reading;

import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of a ledger into the preview: each cell read by the rules of {@link DeadlineText},
 * {@link StateText} and {@link DepartmentMatcher}, the office's {@link Corrections} applied, and per cell the errors
 * and warnings a clerk must see.
 */
public final class RowReader {

    /** Longer task texts are cut for the title (the text keeps all of it). */
    public static final int MAX_TITLE = 200;

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");
    private static final Pattern DATE_IN_TEXT = Pattern.compile("\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?");

    private final DepartmentMatcher departments;
    private final int planYear;
    /** State cells repeat down a ledger: each distinct one is read once. */
    private final Map<String, Optional<TaskState>> stateWords = new HashMap<>();

    public RowReader(DepartmentMatcher departments, int planYear) {
        this.departments = departments;
        this.planYear = planYear;
    }

    public List<ImportRow> read(List<RawRow> rows, Corrections corrections) {
        List<ImportRow> preview = new ArrayList<>(rows.size());
        for (RawRow raw : rows) {
            preview.add(read(raw, corrections));
        }
        return preview;
    }

    public ImportRow read(RawRow raw, Corrections corrections) {
        List<Issue> issues = new ArrayList<>();
        String key = ImportRow.key(raw.sheet(), raw.row());
        String task = raw.cell(ImportColumn.TASK).text();
        if (task.isEmpty()) {
            issues.add(Issue.error(ImportColumn.TASK, "task-blank"));
        }
        String title = task.length() > MAX_TITLE ? task.substring(0, MAX_TITLE - 1) + "…" : task;

        String stateText = raw.cell(ImportColumn.STATE).text();
        Integer percent = percent(raw.cell(ImportColumn.PERCENT).text(), issues);
        TaskState state = state(stateText, percent, corrections, issues);

        DepartmentMatch lead = null;
        List<DepartmentMatch> leads = corrected(departments.matchAll(raw.cell(ImportColumn.LEAD).text()), corrections);
        if (leads.isEmpty()) {
            if (state != TaskState.DRAFT) {
                issues.add(Issue.error(ImportColumn.LEAD, "lead-blank"));
            }
        } else {
            lead = leads.get(0);
            check(ImportColumn.LEAD, lead, issues);
        }
        List<DepartmentMatch> co = new ArrayList<>(leads.size() > 1 ? leads.subList(1, leads.size()) : List.of());
        if (leads.size() > 1) {
            issues.add(Issue.warning(ImportColumn.LEAD, "lead-several", lead.written()));
        }
        co.addAll(corrected(departments.matchAll(raw.cell(ImportColumn.CO).text()), corrections));
        for (DepartmentMatch m : co) {
            check(ImportColumn.CO, m, issues);
        }

        CellValue deadlineCell = raw.cell(ImportColumn.DEADLINE);
        DeadlineText.Reading deadline = DeadlineText.read(deadlineCell, planYear);
        switch (deadline.kind()) {
            case LONG_TERM -> issues.add(Issue.warning(ImportColumn.DEADLINE, "deadline-long-term", deadlineCell.text()));
            case BLANK -> issues.add(Issue.warning(ImportColumn.DEADLINE, "deadline-blank"));
            case UNREADABLE -> issues.add(Issue.error(ImportColumn.DEADLINE, "deadline-unreadable", deadlineCell.text()));
            case DATE -> { }
        }

        LocalDate closedOn = null;
        if (state == TaskState.CLOSED) {
            closedOn = closedOn(raw, planYear);
            if (closedOn == null) {
                issues.add(Issue.warning(ImportColumn.STATE, "closed-no-date"));
            }
        }

        String taskId = raw.cell(ImportColumn.TASK_ID).text();
        if (!taskId.isEmpty() && !uuid(taskId)) {
            issues.add(Issue.error(ImportColumn.TASK_ID, "task-id-invalid", taskId));
        }
        return new ImportRow(key, raw.sheet(), raw.row(), raw.cell(ImportColumn.NUMBER).text(), raw.theme(), title, task,
                lead, co, deadlineCell.date() != null ? deadlineCell.date().toString() : deadlineCell.text(),
                deadline.deadline(), deadline.kind() == DeadlineText.Reading.Kind.LONG_TERM, stateText, state, percent,
                blankToNull(raw.cell(ImportColumn.PROGRESS).text()), blankToNull(raw.cell(ImportColumn.NOTE).text()),
                closedOn, taskId.isEmpty() ? null : taskId, corrections.skipped().contains(key), issues);
    }

    private TaskState state(String text, Integer percent, Corrections corrections, List<Issue> issues) {
        TaskState corrected = corrections.states().get(text);
        if (corrected != null) {
            return corrected;
        }
        if (text.isEmpty()) {
            TaskState assumed = percent != null && percent > 0 ? TaskState.IN_PROGRESS : TaskState.DISPATCHED;
            issues.add(Issue.warning(ImportColumn.STATE, "state-blank"));
            return assumed;
        }
        Optional<TaskState> read = stateWords.computeIfAbsent(text, StateText::read);
        if (read.isEmpty()) {
            issues.add(Issue.error(ImportColumn.STATE, "state-unknown", text));
            return null;
        }
        return read.get();
    }

    private static Integer percent(String text, List<Issue> issues) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = PERCENT.matcher(text);
        double value;
        try {
            value = m.find() ? Double.parseDouble(m.group(1)) : Double.parseDouble(text) * (text.contains(".") ? 100 : 1);
        } catch (NumberFormatException e) {
            issues.add(Issue.warning(ImportColumn.PERCENT, "percent-unreadable", text));
            return null;
        }
        if (value < 0 || value > 100) {
            issues.add(Issue.warning(ImportColumn.PERCENT, "percent-unreadable", text));
            return null;
        }
        return (int) Math.round(value);
    }

    /** Names the office mapped replace what the matcher found for them. */
    private List<DepartmentMatch> corrected(List<DepartmentMatch> matches, Corrections corrections) {
        return matches.stream().map(m -> {
            String id = corrections.departments().get(m.written());
            return id == null || departments.unit(id).isEmpty() ? m
                    : new DepartmentMatch(m.written(), id, DepartmentMatch.Kind.EXACT, List.of());
        }).toList();
    }

    private static void check(ImportColumn column, DepartmentMatch m, List<Issue> issues) {
        String names = String.join("、", m.candidates().stream().map(DepartmentMatch.Candidate::name).toList());
        switch (m.kind()) {
            case FUZZY -> issues.add(Issue.warning(column, "department-fuzzy", m.written(), m.candidates().get(0).name()));
            case UNSURE -> issues.add(Issue.error(column, "department-unsure", m.written(), names));
            case UNKNOWN -> issues.add(Issue.error(column, "department-unknown", m.written()));
            case EXACT -> { }
        }
    }

    /** The 办结日期 column, else a full date written in the state or the note (已完成（2025年5月20日）). */
    private static LocalDate closedOn(RawRow raw, int planYear) {
        for (ImportColumn c : new ImportColumn[]{ImportColumn.CLOSED_ON, ImportColumn.STATE, ImportColumn.NOTE}) {
            CellValue cell = raw.cell(c);
            if (c != ImportColumn.CLOSED_ON && !DATE_IN_TEXT.matcher(cell.text()).find()) {
                continue;
            }
            DeadlineText.Reading r = DeadlineText.read(cell, planYear);
            if (r.deadline() != null) {
                return r.deadline();
            }
        }
        return null;
    }

    private static boolean uuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
