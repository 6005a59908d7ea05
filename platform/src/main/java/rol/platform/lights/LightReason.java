package rol.platform.lights;

/** Why a task has its light, or why it has none. Shown beside the light: the rules must be visible. */
public enum LightReason {
    /** open and past its deadline */
    OVERDUE(TrafficLight.RED),
    /** the deadline is near and the percent is behind the share of time elapsed */
    BEHIND_NEAR_DEADLINE(TrafficLight.YELLOW),
    /** no progress report (or, never reported, no acknowledgement of work) for too long */
    NO_FEEDBACK(TrafficLight.YELLOW),
    /** none of the above */
    ON_TRACK(TrafficLight.GREEN),
    /** a draft is not supervised yet: no light */
    NOT_DISPATCHED(null),
    /** closed (销号) on or before its deadline, or without a deadline: no light, counts as on time */
    CLOSED_ON_TIME(null),
    /** closed after its deadline (or on an unknown day): no light, does not count as on time */
    CLOSED_LATE(null),
    /** cancelled (撤销): no light */
    CANCELLED(null);

    private final TrafficLight light;

    LightReason(TrafficLight light) {
        this.light = light;
    }

    /** The light this reason gives, or null for the unlit reasons (draft and finished tasks). */
    public TrafficLight light() {
        return light;
    }
}
