package rol.notification.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.department.DepartmentDirectory;
import rol.notification.department.DepartmentNames;
import rol.notification.notice.Addressee;
import rol.notification.notice.NoticeCreated;
import rol.notification.notice.NoticeTexts;
import rol.notification.notice.Notices;
import rol.notification.notice.Quotes;
import rol.notification.notice.RecipientConfig;
import rol.notification.policy.ReminderPolicy;
import rol.notification.calendar.StoredCalendar;
import rol.platform.event.task.TaskV1;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one claimed schedule row into notices, or postpones it past quiet hours, or drops it as stale. */
@ApplicationScoped
class ReminderDelivery {

    enum Outcome { SENT, POSTPONED, EXPIRED }

    /** @param notices the notices created by this call */
    record Processed(Outcome outcome, int notices) {
    }

    private static final Pattern NUMBER = Pattern.compile("^[a-z-]+:(\\d+)@");
    private static final Pattern CHASER = Pattern.compile("^chaser:(\\d{4}-\\d{2}-\\d{2}):(\\d+)$");
    private static final Map<String, String> STATES = Map.of("DRAFT", "立项（草稿）", "DISPATCHED", "已交办",
            "ACKNOWLEDGED", "已签收", "IN_PROGRESS", "办理中", "SUBMITTED", "申请办结", "RETURNED", "已退办",
            "CLOSED", "已销号", "CANCELLED", "已撤销");

    @Inject
    Policies policies;

    @Inject
    StoredCalendar calendars;

    @Inject
    Notices notices;

    @Inject
    RecipientConfig recipients;

    /** The caller holds the row (claimed with FOR UPDATE, or inserted in this transaction). */
    Processed process(Connection c, ScheduledReminder r, TaskV1 task, Instant now) throws SQLException {
        ReminderPolicy policy = policies.forDistrict(r.district());
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        if (r.expiresOn() != null && !r.expiresOn().isAfter(today)) {
            ScheduleStore.finish(c, r.id(), "EXPIRED", now);
            return new Processed(Outcome.EXPIRED, 0);
        }
        Instant earliest = policy.quietHours().earliestSend(r.dueOn(), now);
        if (earliest.isAfter(now)) {
            ScheduleStore.postpone(c, r.id(), earliest);
            return new Processed(Outcome.POSTPONED, 0);
        }
        List<String> departments = new ArrayList<>(task.coDepartments());
        departments.add(task.leadDepartment());
        DepartmentNames names = DepartmentDirectory.names(c, r.district(), departments);
        List<Addressee> to = Addressee.resolve(r.recipients(), r.district(), task.leadDepartment(),
                task.coDepartments(), recipients.departmentHeads(), names);
        List<NoticeCreated> sent = notices.create(c, r.id(), r.district(), r.rule().name(), r.taskId(), to,
                values(r, task, today, names), now);
        ScheduleStore.finish(c, r.id(), "SENT", now);
        return new Processed(Outcome.SENT, sent.size());
    }

    /**
     * What the templates may use; never null, so that every template renders whatever the task lacks. Departments
     * are there by id ({@code lead}, {@code co}: for the programs that read webhooks) and by name ({@code leadName},
     * {@code coNames}: for the texts).
     */
    Map<String, Object> values(ScheduledReminder r, TaskV1 task, LocalDate today, DepartmentNames names) {
        Map<String, Object> v = new LinkedHashMap<>();
        LocalDate deadline = r.deadline() != null ? r.deadline() : task.deadline();
        v.put("taskId", r.taskId());
        v.put("title", task.title());
        v.put("quotedTitle", Quotes.quote(task.title()));
        v.put("rule", r.rule().name());
        v.put("occurrenceKey", r.occurrenceKey());
        v.put("deadline", deadline == null ? "" : deadline.toString());
        v.put("deadlineText", NoticeTexts.chineseDate(deadline));
        v.put("lead", task.leadDepartment() == null ? "" : task.leadDepartment());
        v.put("co", String.join("、", task.coDepartments()));
        v.put("leadName", task.leadDepartment() == null ? "" : names.of(task.leadDepartment()));
        v.put("coNames", names.list(task.coDepartments()));
        v.put("percent", task.percent());
        v.put("state", STATES.getOrDefault(task.state(), task.state()));
        v.put("keySupervision", task.keySupervision());
        Matcher n = NUMBER.matcher(r.occurrenceKey());
        v.put("n", n.find() ? Integer.parseInt(n.group(1)) : 0);
        v.put("overdueWorkingDays", deadline != null && today.isAfter(deadline)
                ? calendars.current().workingDaysBetween(deadline, today) : 0);
        Matcher ch = CHASER.matcher(r.occurrenceKey());
        LocalDate since = ch.matches() ? LocalDate.parse(ch.group(1)) : null;
        v.put("sinceText", NoticeTexts.chineseDate(since));
        v.put("silentDays", since == null ? 0 : ChronoUnit.DAYS.between(since, today));
        Object previous = r.context().get("previousDeadline");
        v.put("previousDeadlineText", previous == null ? "" : NoticeTexts.chineseDate(LocalDate.parse(previous.toString())));
        v.put("approved", Boolean.TRUE.equals(r.context().get("approved")));
        return v;
    }
}
