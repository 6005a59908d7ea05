package rol.task.ledgerimport.reading;

import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What committing a row would do. A row without a task of its own creates one. A row that names a task (by its
 * 任务编号 or its source) updates what differs, but only while the task is as the last import left it: once the
 * task changed in the system (签收, 反馈, 延期 …), whatever differs is a conflict, listed and not applied, so that
 * progress reported in the system is never overwritten by an older sheet.
 */
public record RowPlan(String key, Action action, String taskId, List<Change> changes) {

    public enum Action {
        CREATE, UPDATE, UNCHANGED, CONFLICT, SKIP, ERROR
    }

    /** One field that differs: its name as in the task view, the value in the system and in the file. */
    public record Change(String field, String inSystem, String inFile) {
    }

    /** A stored task as the comparison needs it. */
    public record Existing(String taskId, String title, String leadDepartment, List<String> coDepartments,
                           LocalDate deadline, TaskState state, int percent, boolean changedInSystem) {
    }

    public RowPlan {
        changes = List.copyOf(changes);
    }

    public static RowPlan of(ImportRow row, Existing existing) {
        if (row.skipped()) {
            return new RowPlan(row.key(), Action.SKIP, existing == null ? null : existing.taskId(), List.of());
        }
        if (row.hasErrors()) {
            return new RowPlan(row.key(), Action.ERROR, existing == null ? null : existing.taskId(), List.of());
        }
        if (existing == null) {
            return new RowPlan(row.key(), Action.CREATE, null, List.of());
        }
        List<Change> changes = new ArrayList<>();
        compare(changes, "title", existing.title(), row.title());
        compare(changes, "leadDepartment", existing.leadDepartment(), row.lead() == null ? null : row.lead().departmentId());
        compare(changes, "coDepartments", String.join(",", existing.coDepartments().stream().sorted().toList()),
                String.join(",", row.coDepartmentIds().stream().sorted().toList()));
        compare(changes, "deadline", text(existing.deadline()), text(row.deadline()));
        compare(changes, "state", existing.state().name(), row.state().name());
        if (row.percent() != null) {
            compare(changes, "percent", String.valueOf(existing.percent()), String.valueOf(row.percent()));
        }
        if (changes.isEmpty()) {
            return new RowPlan(row.key(), Action.UNCHANGED, existing.taskId(), List.of());
        }
        return new RowPlan(row.key(), existing.changedInSystem() ? Action.CONFLICT : Action.UPDATE, existing.taskId(),
                changes);
    }

    private static void compare(List<Change> changes, String field, String inSystem, String inFile) {
        String a = inSystem == null ? "" : inSystem;
        String b = inFile == null ? "" : inFile;
        if (!Objects.equals(a, b)) {
            changes.add(new Change(field, inSystem, inFile));
        }
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
