package rol.platform.event.task;

import java.util.List;

/**
 * {@code task.updated.v1}, key = task id: something other than a lifecycle step changed, e.g. 挂牌督办 set or lifted
 * ({@code changed} = {@code keySupervision}).
 *
 * @param changed the names of the snapshot members that changed
 */
public record TaskUpdatedV1(TaskV1 task, String actor, List<String> changed) {
    public static final String TYPE = "task.updated.v1";

    public TaskUpdatedV1 {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
