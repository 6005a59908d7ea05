package rol.task.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the lifecycle actions, as clients send them. Checked field by field by the action that takes them. */
public final class Requests {

    private Requests() {
    }

    /** 交办. */
    public record Dispatch(String leadDepartment, List<String> coDepartments, LocalDate deadline) {
    }

    /** 进度反馈. */
    public record Progress(Integer percent, String note, List<Evidence> evidence, List<Metric> metrics) {
    }

    /**
     * 佐证材料: {@code kind} link (with url), or file: either one uploaded to the task ({@code fileId} from
     * {@code POST /api/tasks/{id}/evidence}; name, size and type are then the stored ones) or one only described
     * (name, size in bytes, content type).
     */
    public record Evidence(String kind, String url, String name, Long size, String contentType, String fileId) {
    }

    /** A figure of the feedback: 办理法律援助案件 283 件. */
    public record Metric(String label, BigDecimal value, String unit) {
    }

    /** 退办 and 撤销. */
    public record WithReason(String reason) {
    }

    /** 延期申请. */
    public record ExtensionRequest(LocalDate newDeadline, String reason) {
    }

    /** The office's answer to an extension request; a rejection needs a comment. */
    public record ExtensionDecision(Boolean approve, String comment) {
    }

    /** 挂牌督办 on or off. */
    public record KeySupervision(Boolean flagged) {
    }

    /**
     * A change of the definition (PATCH): only the members present change; {@code coDepartments} [] removes them
     * all. {@code reason} is required when the deadline of a dispatched task moves, and kept in the history always.
     */
    public record Definition(String title, String text, String leadDepartment, List<String> coDepartments,
                             LocalDate deadline, String reason) {
    }

    /** 改派: a new lead (who must acknowledge afresh); co-departments as given, or the present ones if absent. */
    public record Reassign(String leadDepartment, List<String> coDepartments, String reason) {
    }

    /** A milestone (序时进度) as planned, for adding or changing it. */
    public record Milestone(String title, LocalDate dueDate) {
    }

    /** A milestone reached, with an optional note. */
    public record MilestoneDone(String note) {
    }
}
