package rol.notification.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import rol.platform.event.task.TaskV1;

import java.time.Instant;

/**
 * Fired (synchronous CDI event) inside the transaction that applied a newer task snapshot to the read model.
 * Observers (reminder schedule, rollups) update their own tables in that same transaction, so the read model
 * and everything derived from it move together or not at all. Not fired for duplicates or stale snapshots.
 *
 * @param previous  the snapshot before this change, or null for a task seen for the first time
 * @param current   the snapshot now stored
 * @param eventType the task event that carried it, e.g. {@code task.dispatched.v1}
 * @param eventTime when task-service recorded the change
 * @param data      the event's data: beside {@code task} what the event type says of the change, such as the
 *                  {@code approved} of {@code task.extension-decided.v1}
 */
public record TaskChanged(TaskV1 previous, TaskV1 current, String eventType, Instant eventTime, JsonNode data) {
}
