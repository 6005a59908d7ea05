package rol.notification.rollup;

import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.TaskState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

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

    /** An IN_PROGRESS task of {@code lead}, dispatched 2025-05-06, due 2025-06-30, fed back 2025-06-20. */
    static TaskSnapshot task(String id, String lead, TaskState state, int percent) {
        return new TaskSnapshot(id, "licheng", "wp-1", "鲤城区司法局", 2025, state, lead, List.of("gaj"),
                d("2025-06-30"), false, percent, at("2025-06-20T10:00"), d("2025-05-06"), null, 1);
    }
}
