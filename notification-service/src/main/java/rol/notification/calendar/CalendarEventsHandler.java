package rol.notification.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.notification.readmodel.TaskChanged;
import rol.platform.calendar.CalendarYear;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.MalformedEventException;
import rol.platform.event.calendar.CalendarUpdatedV1;
import rol.platform.event.task.TaskV1;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies {@code calendar.updated.v1} from {@code calendar-events} (the newest version of a year wins, so repeats
 * and late arrivals change nothing) and, in the same transaction, re-plans the reminders and lights of the tasks
 * whose dates the change touches: open tasks whose deadline is no earlier than {@link #REACH_DAYS} days before the
 * first changed day (the deadline series, the escalation after the deadline and the near-deadline light all lie
 * within that reach).
 */
@ApplicationScoped
public class CalendarEventsHandler {

    static final int REACH_DAYS = 60;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    StoredCalendar calendar;

    @Inject
    Event<StoredCalendar.Applied> applied;

    @Inject
    Event<TaskChanged> changes;

    public boolean handles(CloudEvent event) {
        return CalendarUpdatedV1.TYPE.equals(event.type());
    }

    public void handle(CloudEvent event) {
        if (event.data() == null) {
            throw new MalformedEventException(event.type() + " without data");
        }
        CalendarUpdatedV1 update = EventJson.convert(event.data(), CalendarUpdatedV1.class);
        CalendarYear year = valid(update);
        int stored = em.createNativeQuery("""
                        insert into calendar_year (year, version, data, applied_at) values (?1, ?2, cast(?3 as jsonb), ?4)
                        on conflict (year) do update set version = excluded.version, data = excluded.data,
                            applied_at = excluded.applied_at
                        where calendar_year.version < excluded.version""")
                .setParameter(1, update.year()).setParameter(2, update.version())
                .setParameter(3, EventJson.tree(update).toString()).setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        if (stored == 0) {
            return;
        }
        Optional<CalendarYear> before = calendar.current().year(update.year());
        applied.fire(new StoredCalendar.Applied(update.year()));
        calendar.apply(year);
        firstChange(before, year).ifPresent(this::replanFrom);
    }

    private static CalendarYear valid(CalendarUpdatedV1 u) {
        if (u.notice() == null || u.holidays() == null || u.workingDays() == null) {
            throw new MalformedEventException(CalendarUpdatedV1.TYPE + " of " + u.year() + " is incomplete");
        }
        for (List<CalendarUpdatedV1.Day> days : List.of(u.holidays(), u.workingDays())) {
            for (CalendarUpdatedV1.Day d : days) {
                if (d.date() == null || d.date().getYear() != u.year() || d.name() == null) {
                    throw new MalformedEventException(CalendarUpdatedV1.TYPE + " of " + u.year() + " has day " + d);
                }
            }
        }
        return u.toYear();
    }

    /** The earliest day whose kind or festival differs between the two versions of the year; empty if none. */
    static Optional<LocalDate> firstChange(Optional<CalendarYear> before, CalendarYear after) {
        CalendarYear old = before.orElse(new CalendarYear(after.year(), "", Map.of(), Map.of()));
        Set<LocalDate> days = new TreeSet<>();
        for (CalendarYear y : List.of(old, after)) {
            days.addAll(y.holidays().keySet());
            days.addAll(y.adjustedWorkingDays().keySet());
        }
        return days.stream()
                .filter(d -> !Objects.equals(old.holidays().get(d), after.holidays().get(d))
                        || !Objects.equals(old.adjustedWorkingDays().get(d), after.adjustedWorkingDays().get(d)))
                .findFirst();
    }

    private void replanFrom(LocalDate firstChanged) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        select cast(snapshot as text) from task_view
                        where state not in ('CLOSED', 'CANCELLED') and deadline >= ?1 and snapshot is not null
                        order by task_id for update""")
                .setParameter(1, firstChanged.minusDays(REACH_DAYS)).getResultList();
        Instant now = clock.instant();
        for (Object row : rows) {
            TaskV1 task = EventJson.read((String) row, TaskV1.class);
            changes.fire(new TaskChanged(task, task, CalendarUpdatedV1.TYPE, now, null));
        }
    }
}
