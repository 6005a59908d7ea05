package rol.task.rectification;

import rol.task.workflow.TaskState;

import java.util.Collection;

/**
 * 新增 / 推进中 / 已销号 / 再次出现, derived from the states of the tasks confirmed to address the problem (cancelled ones
 * do not count) and from later reports: RECURRED when a later published report of the issuer names the problem again,
 * whatever its tasks say, since closing the tasks did not end the problem; otherwise NEW while there is no task or
 * all are still drafts, CLOSED when all are closed, IN_PROGRESS in between.
 */
public enum RectificationStatus {
    NEW, IN_PROGRESS, CLOSED, RECURRED;

    public static RectificationStatus of(Collection<TaskState> confirmedTasks, boolean recurredLater) {
        if (recurredLater) {
            return RECURRED;
        }
        var live = confirmedTasks.stream().filter(s -> s != TaskState.CANCELLED).toList();
        if (live.isEmpty() || live.stream().allMatch(s -> s == TaskState.DRAFT)) {
            return NEW;
        }
        if (live.stream().allMatch(s -> s == TaskState.CLOSED)) {
            return CLOSED;
        }
        return IN_PROGRESS;
    }

    /** Open = still to be rectified: every status but CLOSED (RECURRED included). */
    public boolean open() {
        return this != CLOSED;
    }
}
