package rol.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import rol.platform.event.CloudEvent;
import rol.platform.event.MalformedEventException;
import rol.platform.event.report.ReportPublishedV1;
import rol.platform.event.Topics;
import rol.platform.event.task.TaskCreatedV1;
import rol.platform.inbox.EventHandler;
import rol.platform.quarkus.OutboxWriter;
import rol.task.departments.DirectoryStore;
import rol.task.suggestion.DeadlineSuggester;
import rol.task.suggestion.DeadlineSuggestion;
import rol.task.suggestion.DepartmentDirectory;
import rol.task.suggestion.OwnerSuggester;
import rol.task.suggestion.OwnerSuggestion;
import rol.task.workflow.TaskState;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns {@code report-events} into work plans with one draft task per actionable plan item (立项); runs in the inbox
 * transaction, so each event has its effect once, and the tasks' {@code task.created.v1} commit with them.
 */
@ApplicationScoped
public class ReportEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ReportEventsHandler.class);

    private static final DeadlineSuggester DEADLINES = new DeadlineSuggester();

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    @Inject
    DirectoryStore directories;

    @Override
    public void handle(CloudEvent event) {
        if (ReportPublishedV1.TYPE.equals(event.type())) {
            published(event.dataAs(ReportPublishedV1.class));
        } else {
            LOG.debugf("ignoring %s: task-service has no use for it", event.type());
        }
    }

    private void published(ReportPublishedV1 report) {
        UUID reportId;
        try {
            reportId = UUID.fromString(report.reportId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("report.published.v1 without a valid reportId: " + report.reportId());
        }
        if (WorkPlan.byReport(reportId).isPresent()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        WorkPlan plan = new WorkPlan();
        plan.id = UUID.randomUUID();
        plan.district = report.district();
        plan.reportId = reportId;
        plan.issuer = report.issuer();
        plan.title = report.title();
        plan.reportYear = report.reportYear();
        plan.planYear = report.planYear();
        plan.createdAt = now;
        plan.persist();

        Optional<DepartmentDirectory> directory = directories.directory(plan.district);
        if (directory.isEmpty()) {
            LOG.warnf("no department directory for district %s: the tasks of report %s get no owner suggestions",
                    plan.district, reportId);
        }
        Optional<OwnerSuggester> owners = directory.map(OwnerSuggester::new);
        Integer suggestYear = report.planYear() != null ? report.planYear()
                : report.reportYear() != null ? Integer.valueOf(report.reportYear() + 1) : null;
        Map<String, ReportPublishedV1.PlanItem> items = new HashMap<>();
        report.planItems().forEach(item -> items.put(item.id(), item));
        for (ReportPublishedV1.PlanItem item : report.planItems()) {
            if (item.leaf()) {
                Task task = draft(plan, item, theme(item, items), now);
                String itemText = (item.title() == null || item.text().contains(item.title()) ? "" : item.title() + "。")
                        + item.text();
                owners.ifPresent(o -> suggestOwners(task, o.suggest(itemText, report.issuer())));
                if (suggestYear != null) {
                    suggestDeadline(task, DEADLINES.suggest(itemText, suggestYear));
                }
                task.persistAndFlush();
                outbox.append(Topics.TASK_EVENTS, TaskCreatedV1.TYPE, task.id.toString(),
                        new TaskCreatedV1(task.snapshot(plan)));
            }
        }
    }

    private static void suggestOwners(Task task, OwnerSuggestion s) {
        s.leadIfAny().ifPresent(lead -> {
            task.suggestedLeadDepartment = lead.departmentId();
            task.suggestedLeadRule = lead.rule().name();
            task.suggestedLeadWords = lead.words();
        });
        for (OwnerSuggestion.Owner co : s.coDepartments()) {
            task.suggestedCoDepartments.add(co.departmentId());
            task.suggestedCoRules.add(co.rule().name());
            task.suggestedCoWords.add(co.words());
        }
    }

    private static void suggestDeadline(Task task, DeadlineSuggestion s) {
        task.suggestedDeadline = s.deadline();
        task.suggestedDeadlineRule = s.rule().name();
        task.suggestedDeadlineWords = s.words();
    }

    private static Task draft(WorkPlan plan, ReportPublishedV1.PlanItem item, String theme, OffsetDateTime now) {
        if (item.id() == null || item.text() == null) {
            throw new MalformedEventException("plan item without id or text in report " + plan.reportId);
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.district = plan.district;
        task.workPlanId = plan.id;
        task.reportId = plan.reportId;
        task.planItemId = item.id();
        task.theme = theme;
        task.title = item.title() == null || item.title().isBlank() ? item.text() : item.title();
        task.text = item.text();
        if (item.span() != null) {
            task.spanStart = item.span().start();
            task.spanEnd = item.span().end();
        }
        task.state = TaskState.DRAFT;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    /** The title of the outermost theme above the item, or null for an item without a theme. */
    private static String theme(ReportPublishedV1.PlanItem item, Map<String, ReportPublishedV1.PlanItem> items) {
        String theme = null;
        int depth = 0;
        for (var parent = items.get(item.parentId()); parent != null; parent = items.get(parent.parentId())) {
            if (++depth > items.size()) {
                throw new MalformedEventException("plan items of report form a cycle at " + item.id());
            }
            theme = parent.title();
        }
        return theme;
    }
}
