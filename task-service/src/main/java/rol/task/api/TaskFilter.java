package rol.task.api;

import rol.platform.lights.TrafficLight;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters and the order of a task list, as {@code GET /api/tasks} and the ledger ({@code GET /api/ledger}) take
 * them from the query string; {@link TaskQueries} turns them into one query.
 */
public record TaskFilter(UUID reportId, UUID workPlanId, String district, String department, List<TaskState> states,
                         Integer planYear, String issuer, Boolean keySupervision, LocalDate deadlineBefore,
                         Boolean overdue, String q, String sort, LocalDate deadlineFrom,
                         Pending pending, List<TrafficLight> lights, Boolean leadOnly, LocalDate closedFrom,
                         LocalDate closedBefore, Boolean closedOnTime) {

    /**
     * What waits for the office's decision on a task (the office's 待办): a pending extension request (延期申请) or a
     * pending report revision (报告修订带来的改动).
     */
    public enum Pending { EXTENSION, REVISION }

    /** The fields a list may be sorted by, optionally descending ({@code -deadline}); ties go by id. */
    public static final String SORT_PATTERN = "-?(deadline|createdAt|title|percent|state|updatedAt)";

    public static final String DEFAULT_SORT = "deadline";
}
