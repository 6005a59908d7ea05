package rol.platform.event.rollup;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code rollup.updated.v1} on the compacted topic {@code rollup-events}, key = {@link #key()}: the totals of one
 * rollup scope after a change, so that the newest record per key is the scope's current state.
 *
 * @param district     district id
 * @param scope        {@code district}, {@code department}, {@code plan} or {@code issuer}
 * @param scopeId      the district id, department id, work plan id or issuing organ
 * @param year         plan year, null for tasks without one
 * @param asOf         the day whose lights and overdue count these are
 * @param tasks        every task, drafts and cancelled ones included
 * @param byState      tasks per state (only non-zero states)
 * @param supervised   tasks neither DRAFT nor CANCELLED: the base of the rates
 * @param closed       CLOSED tasks
 * @param closedOnTime closed on or before the deadline
 * @param overdue      open tasks past their deadline
 * @param percentSum   percent of every supervised task (closed = 100)
 * @param completionRate 办结率 closed / supervised, null without supervised tasks
 * @param onTimeRate   按期办结率 closedOnTime / closed, null when nothing is closed
 * @param averageProgress 平均进度 percentSum / supervised, null without supervised tasks
 * @param lights       lit tasks per colour (GREEN, YELLOW, RED; only non-zero)
 * @param light        the scope's own light, null when no task is lit
 */
public record RollupUpdatedV1(
        String district,
        String scope,
        String scopeId,
        Integer year,
        LocalDate asOf,
        long tasks,
        Map<String, Long> byState,
        long supervised,
        long closed,
        long closedOnTime,
        long overdue,
        long percentSum,
        Double completionRate,
        Double onTimeRate,
        Double averageProgress,
        Map<String, Long> lights,
        String light) {

    public static final String TYPE = "rollup.updated.v1";

    /** The Kafka key and event subject: {@code licheng/department/judicial-bureau/2025} (year {@code none}). */
    public static String key(String district, String scope, String scopeId, Integer year) {
        return district + "/" + scope + "/" + scopeId + "/" + (year == null ? "none" : year);
    }

    public String key() {
        return key(district, scope, scopeId, year);
    }
}
