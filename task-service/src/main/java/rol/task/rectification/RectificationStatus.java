package rol.task.rectification;

import rol.task.workflow.TaskState;

import java.util.Collection;

/**
 * 新增 / 推进中 / 已销号, derived from the states of the tasks confirmed to address the problem (cancelled ones do
 * not count): NEW while there is none or all are still drafts, CLOSED when all are closed, IN_PROGRESS otherwise.
 */
public enum RectificationStatus {
    NEW, IN_PROGRESS, CLOSED;

    public static RectificationStatus of(Collection<TaskState> confirmedTasks) {
        var live = confirmedTasks.stream().filter(s -> s != TaskState.CANCELLED).toList();
        if (live.isEmpty() || live.stream().allMatch(s -> s == TaskState.DRAFT)) {
            return NEW;
        }
        if (live.stream().allMatch(s -> s == TaskState.CLOSED)) {
            return CLOSED;
        }
        return IN_PROGRESS;
    }
}
