package rol.notification.policy;

import rol.platform.lights.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Test helpers: fixed instants in Asia/Shanghai and a task to start from. */
final class Tasks {

    private Tasks() {
    }

    /** 2025-06-10T09:00 in Beijing time. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(QuietHours.CHINA).toInstant();
    }

    /** 09:00 Beijing time on that day. */
    static Instant morning(String date) {
        return at(date + "T09:00");
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** A task dispatched on 2025-05-06 to sfj (with gaj) for 2025-06-30, not yet acknowledged. */
    static TaskSnapshot dispatched() {
        return new TaskSnapshot("t-1", "licheng", "wp-1", "鲤城区司法局", 2025, TaskState.DISPATCHED,
                "sfj", List.of("gaj"), d("2025-06-30"), false, 0, null, d("2025-05-06"), null, 2);
    }
}
