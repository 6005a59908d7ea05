package rol.platform.lights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link TrafficLightRules} needs to know about one task, and nothing else: each service maps its own view of a
 * task onto it (notification-service from the task events, task-service from its task table).
 *
 * @param state          where the task stands
 * @param deadline       办结时限 (after approved extensions), or null
 * @param percent        latest reported progress, 0–100
 * @param lastFeedbackAt time of the latest progress report, or null
 * @param dispatchedOn   the day the task was dispatched (交办), or null when unknown: the start of the
 *                       "time elapsed" share and of "no feedback since" for a task that never reported
 * @param closedOn       the day the task was closed (销号), or null: decides "closed on time"
 */
public record LightInput(TaskState state, LocalDate deadline, int percent, Instant lastFeedbackAt,
                         LocalDate dispatchedOn, LocalDate closedOn) {

    public LightInput {
        Objects.requireNonNull(state, "state");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " outside 0–100");
        }
    }
}
