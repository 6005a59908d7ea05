package rol.platform.lights;

import rol.platform.calendar.WorkingCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * THE rule that makes a task red, yellow or green, and a scope's light from its tasks' lights. Configurable per
 * district; {@link #defaults()} documents the defaults. First match wins:
 * <ol>
 *   <li>DRAFT: no light. CLOSED: no light, "closed on time" if {@code closedOn <= deadline} (or no deadline), else
 *       "closed late" (also when the closing day is unknown). CANCELLED: no light.</li>
 *   <li>RED: open (dispatched, not closed or cancelled, SUBMITTED included) and {@code today > deadline}.</li>
 *   <li>YELLOW, behind near the deadline: the next move is the department's, the deadline is at most
 *       {@code nearDeadlineWorkingDays} working days away (today included), and
 *       {@code percent < expected - progressTolerancePercent}, where {@code expected} is the share of calendar time
 *       elapsed between dispatch and deadline, in percent (100 when the dispatch day is unknown).</li>
 *   <li>YELLOW, no feedback: the next move is the department's and at least {@code maxDaysWithoutFeedback}
 *       calendar days have passed since the last feedback (or since dispatch, if it never reported). Same 30 days
 *       as the chaser by default, so the light turns yellow the day the chaser goes out.</li>
 *   <li>GREEN otherwise (a SUBMITTED task not overdue is green: the office has to act).</li>
 * </ol>
 * A scope (department, plan …) is RED when more than {@code scopeRedShare} of its lit tasks are red, else YELLOW
 * when more than {@code scopeYellowShare} of them are red or yellow, else GREEN; unlit when it has no lit task.
 * With the default shares 0 the scope shows its worst task.
 *
 * @param nearDeadlineWorkingDays  "deadline near" window, in working days
 * @param maxDaysWithoutFeedback   calendar days without feedback that turn a task yellow; 0 = rule off
 * @param progressTolerancePercent how many percentage points behind the time share are tolerated
 * @param scopeRedShare            share of red tasks (0–1) a scope may have and stay below red
 * @param scopeYellowShare         share of red or yellow tasks (0–1) a scope may have and stay green
 * @param zone                     time zone in which feedback instants become days
 */
public record TrafficLightRules(
        int nearDeadlineWorkingDays,
        int maxDaysWithoutFeedback,
        int progressTolerancePercent,
        double scopeRedShare,
        double scopeYellowShare,
        ZoneId zone) {

    public TrafficLightRules {
        if (nearDeadlineWorkingDays < 0 || maxDaysWithoutFeedback < 0 || progressTolerancePercent < 0
                || progressTolerancePercent > 100) {
            throw new IllegalArgumentException("traffic light rule out of range");
        }
        if (!(scopeRedShare >= 0 && scopeRedShare < 1 && scopeYellowShare >= 0 && scopeYellowShare < 1)) {
            throw new IllegalArgumentException("scope shares must be in [0, 1)");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** Near = 10 working days, 30 days without feedback, 10 points tolerance, scope = worst task, Asia/Shanghai. */
    public static TrafficLightRules defaults() {
        return new TrafficLightRules(10, 30, 10, 0.0, 0.0, ZoneId.of("Asia/Shanghai"));
    }

    /**
     * These rules with the thresholds a district overrides (present values win, absent ones stay); the zone stays,
     * one for the whole service. Both services read {@code rollup.districts.<district>.*} through this.
     */
    public TrafficLightRules overriddenBy(OptionalInt nearDeadlineWorkingDays, OptionalInt maxDaysWithoutFeedback,
                                          OptionalInt progressTolerancePercent, Optional<Double> scopeRedShare,
                                          Optional<Double> scopeYellowShare) {
        return new TrafficLightRules(nearDeadlineWorkingDays.orElse(this.nearDeadlineWorkingDays),
                maxDaysWithoutFeedback.orElse(this.maxDaysWithoutFeedback),
                progressTolerancePercent.orElse(this.progressTolerancePercent),
                scopeRedShare.orElse(this.scopeRedShare), scopeYellowShare.orElse(this.scopeYellowShare), zone);
    }

    public LightVerdict light(LightInput task, LocalDate today, WorkingCalendar calendar) {
        TaskState state = task.state();
        LocalDate deadline = task.deadline();
        switch (state) {
            case DRAFT:
                return new LightVerdict(LightReason.NOT_DISPATCHED, "not dispatched yet");
            case CANCELLED:
                return new LightVerdict(LightReason.CANCELLED, "cancelled");
            case CLOSED:
                if (closedOnTime(task)) {
                    return new LightVerdict(LightReason.CLOSED_ON_TIME, "closed on " + task.closedOn()
                            + (deadline == null ? ", no deadline" : ", deadline " + deadline));
                }
                return new LightVerdict(LightReason.CLOSED_LATE, "closed on "
                        + (task.closedOn() == null ? "an unknown day" : task.closedOn()) + ", deadline " + deadline);
            default:
                break;
        }
        if (deadline != null && today.isAfter(deadline)) {
            return new LightVerdict(LightReason.OVERDUE, "deadline " + deadline + " passed, "
                    + calendar.workingDaysBetween(deadline, today) + " working days overdue");
        }
        if (!state.withDepartment()) {
            return new LightVerdict(LightReason.ON_TRACK, "submitted, waiting for the office");
        }
        DayLimits limits = limits(today, calendar);
        if (deadline != null && behindNearDeadline(task, limits)) {
            return new LightVerdict(LightReason.BEHIND_NEAR_DEADLINE, task.percent() + "% done, "
                    + expectedPercent(task, today) + "% expected, deadline " + deadline + " in "
                    + calendar.workingDaysBetween(today, deadline) + " working days");
        }
        Optional<LocalDate> since = silentSince(task);
        if (limits.silentOnOrBefore() != null && since.isPresent() && !since.get().isAfter(limits.silentOnOrBefore())) {
            return new LightVerdict(LightReason.NO_FEEDBACK, "no feedback since " + since.get() + " ("
                    + ChronoUnit.DAYS.between(since.get(), today) + " days)");
        }
        return new LightVerdict(LightReason.ON_TRACK, task.percent() + "% done"
                + (deadline == null ? ", no deadline" : ", deadline " + deadline));
    }

    /**
     * The first day after {@code today} on which the task's verdict changes if nothing else happens to it, or empty
     * when time alone never changes it (drafts, finished tasks, an overdue task). A store of lights re-evaluates the
     * task on that day instead of every task every day. The verdict depends on the day only through three conditions
     * that stay true once true (past the deadline; near the deadline and behind the time share; silent too long), so
     * it can change only on a day one of them becomes true.
     */
    public Optional<LocalDate> nextChange(LightInput task, LocalDate today, WorkingCalendar calendar) {
        if (!task.state().open()) {
            return Optional.empty();
        }
        LightReason current = light(task, today, calendar).reason();
        List<LocalDate> candidates = new ArrayList<>(3);
        LocalDate deadline = task.deadline();
        if (deadline != null) {
            candidates.add(deadline.plusDays(1));
        }
        if (task.state().withDepartment()) {
            if (maxDaysWithoutFeedback > 0) {
                silentSince(task).ifPresent(since -> candidates.add(since.plusDays(maxDaysWithoutFeedback)));
            }
            if (deadline != null && deadline.isAfter(today)) {
                firstDayBehind(task, today.plusDays(1), deadline, calendar).ifPresent(candidates::add);
            }
        }
        return candidates.stream().filter(d -> d.isAfter(today)).sorted()
                .filter(d -> light(task, d, calendar).reason() != current).findFirst();
    }

    /** The first day in [from, to] that is near the deadline with the task behind; both only become true. */
    private Optional<LocalDate> firstDayBehind(LightInput task, LocalDate from, LocalDate to,
                                               WorkingCalendar calendar) {
        if (!behindNearDeadline(task, to, calendar)) {
            return Optional.empty();
        }
        long lo = from.toEpochDay();
        long hi = to.toEpochDay();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (behindNearDeadline(task, LocalDate.ofEpochDay(mid), calendar)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Optional.of(LocalDate.ofEpochDay(lo));
    }

    private boolean behindNearDeadline(LightInput task, LocalDate day, WorkingCalendar calendar) {
        return behindNearDeadline(task, limits(day, calendar));
    }

    private boolean behindNearDeadline(LightInput task, DayLimits limits) {
        return !task.deadline().isAfter(limits.nearDeadlineUntil())
                && task.percent() < expectedPercent(task, limits.today()) - progressTolerancePercent;
    }

    /**
     * The rule's day thresholds on {@code today}. {@link #light} compares with these, and so does a query that
     * selects tasks by light (task-service's task list, in SQL), so that both judge every task alike; working days
     * are counted here, in Java, with the calendar, never in SQL.
     *
     * @param today             the day judged: an open task whose deadline is before it is overdue
     * @param nearDeadlineUntil the last deadline that is near: {@code nearDeadlineWorkingDays} working days after
     *                          today (today itself when 0)
     * @param silentOnOrBefore  a task whose last feedback (or, never reported, dispatch) fell on or before this day
     *                          has gone without feedback too long; null when that rule is off
     */
    public record DayLimits(LocalDate today, LocalDate nearDeadlineUntil, LocalDate silentOnOrBefore) {
    }

    public DayLimits limits(LocalDate today, WorkingCalendar calendar) {
        return new DayLimits(today, calendar.plusWorkingDays(today, nearDeadlineWorkingDays),
                maxDaysWithoutFeedback == 0 ? null : today.minusDays(maxDaysWithoutFeedback));
    }

    /** Closed with a known closing day on or before the deadline, or closed without a deadline. */
    public static boolean closedOnTime(LightInput task) {
        return task.state() == TaskState.CLOSED && task.closedOn() != null
                && (task.deadline() == null || !task.closedOn().isAfter(task.deadline()));
    }

    /** The percent expected by today: the share of calendar days elapsed from dispatch to deadline. */
    int expectedPercent(LightInput task, LocalDate today) {
        LocalDate start = task.dispatchedOn();
        if (start == null) {
            return 100;
        }
        long total = ChronoUnit.DAYS.between(start, task.deadline());
        if (total <= 0) {
            return 100;
        }
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, today)));
        return (int) (100 * elapsed / total);
    }

    private Optional<LocalDate> silentSince(LightInput task) {
        if (task.lastFeedbackAt() != null) {
            return Optional.of(LocalDate.ofInstant(task.lastFeedbackAt(), zone));
        }
        return Optional.ofNullable(task.dispatchedOn());
    }

    /** A scope's light from the counts of its tasks' lights; empty when none of its tasks is lit. */
    public Optional<TrafficLight> scopeLight(long green, long yellow, long red) {
        long lit = green + yellow + red;
        if (lit == 0) {
            return Optional.empty();
        }
        if (red > scopeRedShare * lit) {
            return Optional.of(TrafficLight.RED);
        }
        if (red + yellow > scopeYellowShare * lit) {
            return Optional.of(TrafficLight.YELLOW);
        }
        return Optional.of(TrafficLight.GREEN);
    }
}
