package rol.platform.event.task;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code task.progress-reported.v1}, key = task id: a progress report (进度反馈) with its evidence (佐证材料) and
 * figures; {@code task.percent} and {@code task.lastFeedbackAt} already include it.
 *
 * @param capacity    OFFICE, LEAD_DEPARTMENT or CO_DEPARTMENT
 * @param department  the reporting department (null when the office entered it)
 */
public record TaskProgressReportedV1(TaskV1 task, String actor, String capacity, String department,
                                     Progress progress) {
    public static final String TYPE = "task.progress-reported.v1";

    public record Progress(String id, OffsetDateTime reportedAt, int percent, String note, List<Evidence> evidence,
                           List<Metric> metrics) {
        public Progress {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }
    }

    /** A link, or a file described by name, size (bytes) and content type. */
    public record Evidence(String kind, String url, String name, Long size, String contentType) {
    }

    public record Metric(String label, BigDecimal value, String unit) {
    }
}
