package rol.platform.lights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test helpers for tasks at fixed dates. */
final class T {

    private T() {
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** A task dispatched 2025-05-06, due 2025-06-30, fed back 2025-06-20. */
    static LightInput task(TaskState state, int percent) {
        return new LightInput(state, d("2025-06-30"), percent, at("2025-06-20T10:00"), d("2025-05-06"), null);
    }

    static LightInput withState(LightInput t, TaskState state) {
        return new LightInput(state, t.deadline(), t.percent(), t.lastFeedbackAt(), t.dispatchedOn(), t.closedOn());
    }

    static LightInput withDeadline(LightInput t, LocalDate deadline) {
        return new LightInput(t.state(), deadline, t.percent(), t.lastFeedbackAt(), t.dispatchedOn(), t.closedOn());
    }

    static LightInput withFeedback(LightInput t, int percent, Instant at) {
        return new LightInput(t.state(), t.deadline(), percent, at, t.dispatchedOn(), t.closedOn());
    }

    /** Closed (销号) on that day. */
    static LightInput withClosedOn(LightInput t, LocalDate on) {
        return new LightInput(TaskState.CLOSED, t.deadline(), t.percent(), t.lastFeedbackAt(), t.dispatchedOn(), on);
    }
}
