package rol.task.api;

import rol.platform.lights.LightReason;
import rol.platform.lights.LightVerdict;
import rol.platform.lights.TrafficLight;
import rol.platform.problem.Messages;
import rol.task.plan.Milestone;
import rol.task.evidence.EvidenceFile;
import rol.task.followup.PlanItemFollowUps;
import rol.task.plan.Task;
import rol.task.workflow.TaskAction;
import rol.task.workflow.TaskState;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A task as the API shows it.
 *
 * @param light       红黄绿灯 today, by the rule in {@code rol.platform.lights.TrafficLightRules}: RED, YELLOW, GREEN,
 *                    or null for a draft, a closed or a cancelled task
 * @param lightReason why it has that light, or why none (NOT_DISPATCHED, CLOSED_ON_TIME, CLOSED_LATE, CANCELLED)
 * @param calendarNote {@code 2027年节假日安排未录入，按周末计算} when the task's days fall in a year the calendar lacks,
 *                    else null
 * @param workingDaysLeft 工作日 from today to the deadline by the lights' calendar, negative once overdue; null without a
 *                    deadline and for a closed or cancelled task ({@code TaskLights.workingDaysLeft})
 * @param allowedActions what the caller may do to the task now, by the names of docs/lifecycle.md, in their order
 * @param followUp    whether the issuer's next report reports this plan item done (report.plan-followed-up.v1), with
 *                    the evidence and a suggested closing note; null until that report is published
 */
public record TaskView(UUID id, String district, UUID workPlanId, UUID reportId, String planItemId, String theme,
                       String title, String text, Span span, TaskState state, String leadDepartment,
                       List<String> coDepartments, LocalDate deadline, boolean keySupervision, int percent,
                       OffsetDateTime lastFeedbackAt, TrafficLight light, LightReason lightReason,
                       String calendarNote, Integer workingDaysLeft, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       Suggestion suggestion, List<MilestoneView> milestones, List<EvidenceFile> evidence,
                       long version, Set<TaskAction> allowedActions, PlanItemFollowUps.FollowUp followUp) {

    /**
     * What registration suggested (the office decides at dispatch), with the reason for each: the rule, the words
     * of the text (or the issuer) it matched, and that in a sentence for the clerk.
     */
    public record Suggestion(String leadDepartment, List<String> coDepartments, LocalDate deadline, Reasons reasons) {
    }

    public record Reasons(Reason leadDepartment, Map<String, Reason> coDepartments, Reason deadline) {
    }

    public record Reason(String rule, String words, String text) {
        static Reason of(String kind, String rule, String words) {
            return rule == null ? null
                    : new Reason(rule, words, Messages.text("suggestion." + kind + "." + rule, words == null ? "" : words));
        }
    }

    /** Where the item stands in the report's stored text, for highlighting it beside the original. */
    public record Span(int start, int end) {
    }

    /** 序时进度 as the clerk reads it: done, or overdue when still open after its date. */
    public record MilestoneView(UUID id, String title, LocalDate dueDate, boolean done, boolean overdue,
                                OffsetDateTime completedAt, String completedBy, String note) {
        static MilestoneView of(Milestone m, LocalDate today) {
            return new MilestoneView(m.id, m.title, m.dueDate, m.done(), m.overdue(today), m.completedAt,
                    m.completedBy, m.note);
        }
    }

    /**
     * @param milestones the task's milestones, by date
     * @param evidence   its uploaded evidence (佐证材料, metadata only), oldest first
     * @param light      its light today
     * @param calendarNote the missing-year note, or null
     * @param workingDaysLeft working days to the deadline (negative when overdue), or null
     * @param allowed    what the caller may do to it now
     * @param followUp   its plan item's follow-up, or null
     */
    static TaskView of(Task t, List<Milestone> milestones, List<EvidenceFile> evidence, LocalDate today,
                       LightVerdict light, String calendarNote, Integer workingDaysLeft, Set<TaskAction> allowed,
                       PlanItemFollowUps.FollowUp followUp) {
        return new TaskView(t.id, t.district, t.workPlanId, t.reportId, t.planItemId, t.theme, t.title, t.text,
                t.spanStart == null ? null : new Span(t.spanStart, t.spanEnd), t.state, t.leadDepartment,
                t.coDepartments, t.deadline, t.keySupervision, t.percent, t.lastFeedbackAt,
                light.light().orElse(null), light.reason(), calendarNote, workingDaysLeft, t.createdAt, t.updatedAt,
                suggestion(t), milestones.stream().map(m -> MilestoneView.of(m, today)).toList(), evidence,
                t.version, allowed, followUp);
    }

    private static Suggestion suggestion(Task t) {
        Map<String, Reason> co = new LinkedHashMap<>();
        for (int i = 0; i < t.suggestedCoDepartments.size(); i++) {
            co.put(t.suggestedCoDepartments.get(i), Reason.of("owner", t.suggestedCoRules.get(i), t.suggestedCoWords.get(i)));
        }
        return new Suggestion(t.suggestedLeadDepartment, t.suggestedCoDepartments, t.suggestedDeadline,
                new Reasons(Reason.of("owner", t.suggestedLeadRule, t.suggestedLeadWords), co,
                        Reason.of("deadline", t.suggestedDeadlineRule, t.suggestedDeadlineWords)));
    }

    /**
     * @param total       how many tasks pass the filter, counted up to a cap
     * @param totalCapped more than {@code total} pass it: the count stopped there (nobody pages that far; counting
     *                    every match is what made a list over 100,000 tasks slow)
     */
    public record Page(List<TaskView> items, long total, boolean totalCapped) {

        /** @param counted the tasks counted with a limit of {@code cap + 1}, so that one more says "more than cap" */
        static Page counted(List<TaskView> items, long counted, long cap) {
            return new Page(items, Math.min(counted, cap), counted > cap);
        }
    }
}
