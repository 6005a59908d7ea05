package rol.notification.digest;

import rol.notification.department.DepartmentNames;
import rol.notification.policy.TaskSnapshot;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.lights.LightReason;
import rol.platform.lights.LightVerdict;
import rol.platform.lights.TaskState;
import rol.platform.lights.TrafficLight;
import rol.platform.lights.TrafficLightRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the weekly digest says about one district: its red (overdue) tasks, its yellow ones, and the tasks that changed
 * in the past seven days. Plain Java over the read model's tasks; the lights come from {@link TrafficLightRules}.
 */
public final class DigestComposer {

    /** A task of the read model with what the digest shows beyond the snapshot. */
    public record DigestTask(TaskSnapshot task, String title, Instant changedAt) {
    }

    /**
     * @param leadDepartment     the lead department's id
     * @param leadName           its name as the directory has it (its id while the name is unknown), null without a lead
     * @param overdueWorkingDays working days past the deadline (red lines only, else 0)
     */
    public record Line(String taskId, String title, String leadDepartment, String leadName, LocalDate deadline,
                       int percent, String state, String reason, int overdueWorkingDays) {
    }

    public record WeeklyDigest(String district, String isoWeek, LocalDate today, Instant changedSince,
                               int supervised, List<Line> red, List<Line> yellow, List<Line> changed) {
    }

    private final TrafficLightRules rules;
    private final WorkingCalendar calendar;

    public DigestComposer(TrafficLightRules rules, WorkingCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    /** @param names the names of the tasks' lead departments */
    public WeeklyDigest compose(String district, String isoWeek, Instant now, List<DigestTask> tasks,
                                DepartmentNames names) {
        LocalDate today = LocalDate.ofInstant(now, rules.zone());
        Instant since = now.minus(Duration.ofDays(7));
        List<Line> red = new ArrayList<>();
        List<Line> yellow = new ArrayList<>();
        List<Line> changed = new ArrayList<>();
        int supervised = 0;
        for (DigestTask t : tasks) {
            TaskSnapshot s = t.task();
            if (s.state() != TaskState.DRAFT && s.state() != TaskState.CANCELLED) {
                supervised++;
            }
            LightVerdict verdict = rules.light(s.lightInput(), today, calendar);
            Optional<TrafficLight> light = verdict.light();
            if (light.isPresent() && light.get() == TrafficLight.RED) {
                red.add(line(t, names, verdict.reason(), calendar.workingDaysBetween(s.deadline(), today)));
            } else if (light.isPresent() && light.get() == TrafficLight.YELLOW) {
                yellow.add(line(t, names, verdict.reason(), 0));
            }
            if (t.changedAt() != null && !t.changedAt().isBefore(since) && s.state() != TaskState.DRAFT) {
                changed.add(line(t, names, verdict.reason(), 0));
            }
        }
        red.sort(Comparator.comparingInt(Line::overdueWorkingDays).reversed().thenComparing(Line::title));
        yellow.sort(Comparator.comparing(Line::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Line::title));
        changed.sort(Comparator.comparing(Line::title));
        return new WeeklyDigest(district, isoWeek, today, since, supervised, red, yellow, changed);
    }

    private static Line line(DigestTask t, DepartmentNames names, LightReason reason, int overdue) {
        TaskSnapshot s = t.task();
        return new Line(s.taskId(), t.title(), s.leadDepartment(), names.of(s.leadDepartment()), s.deadline(),
                s.percent(), s.state().name(), reason.name(), overdue);
    }
}
