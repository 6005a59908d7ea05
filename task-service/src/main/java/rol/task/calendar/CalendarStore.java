package rol.task.calendar;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.HolidayCalendarLoader;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.Topics;
import rol.platform.event.calendar.CalendarUpdatedV1;
import rol.platform.quarkus.OutboxWriter;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar task-service owns: each year in {@code calendar_year}/{@code calendar_day}, seeded once from the
 * calendar file (the bundled one, or {@code notification.calendar.file}), every change written with its audit row
 * and its {@code calendar.updated.v1} in one transaction. {@link #current()} is what the lights of the ledger and the
 * task view count with; it is reloaded after each change commits, and every {@code calendar.refresh-every} for
 * changes made by another instance.
 */
@ApplicationScoped
public class CalendarStore {

    /** A stored year with its version and last change. */
    public record Stored(CalendarYear year, long version, OffsetDateTime updatedAt, String updatedBy) {
    }

    /** One audited change: {@code day}, {@code kind} and {@code name} only for single-day edits. */
    public record Change(String action, LocalDate day, String kind, String name, String reason, String actor,
                         OffsetDateTime at) {
    }

    /** Fired inside the transaction of a change; observed after it commits. */
    record Changed(int year) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    OutboxWriter outbox;

    @Inject
    Clock clock;

    @Inject
    Event<Changed> changed;

    @ConfigProperty(name = "notification.calendar.file")
    Optional<Path> seedFile;

    private volatile WorkingCalendar current = WorkingCalendar.weekendsOnly();

    public WorkingCalendar current() {
        return current;
    }

    void seedAtStart(@Observes @Priority(2) StartupEvent start) {
        int seeded = seedIfEmpty();
        if (seeded > 0) {
            Log.infof("seeded the working-day calendar with %d years", seeded);
        }
        reload();
    }

    /** Stores each year of the calendar file that is not stored yet, and publishes it; returns how many. */
    @Transactional
    public int seedIfEmpty() {
        WorkingCalendar file = seedFile.map(HolidayCalendarLoader::load).orElseGet(WorkingCalendar::chinaDefault);
        int seeded = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('calendar'))")) {
                lock.execute();
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (int year : file.coveredYears()) {
                if (find(c, year).isEmpty()) {
                    CalendarYear y = file.year(year).orElseThrow();
                    write(c, y, new Change("SEEDED", null, null, null, "按内置节假日数据初始化", "system", now));
                    seeded++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the calendar failed", e);
        }
        return seeded;
    }

    public Optional<Stored> find(int year) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, year);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the calendar of " + year + " failed", e);
        }
    }

    /** Replaces the year with {@code year}, audits the change and publishes the year, all in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored save(CalendarYear year, Change change) {
        try (Connection c = dataSource.getConnection()) {
            return write(c, year, change);
        } catch (SQLException e) {
            throw new IllegalStateException("saving the calendar of " + year.year() + " failed", e);
        }
    }

    public List<Change> changes(int year) {
        List<Change> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select action, day, kind, name, reason, actor, at from calendar_change where year = ?"
                        + " order by at desc, id desc")) {
            q.setInt(1, year);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the changes of " + year + " failed", e);
        }
        return out;
    }

    private Stored write(Connection c, CalendarYear y, Change change) throws SQLException {
        long version;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into calendar_year (year, notice, version, updated_at, updated_by) values (?, ?, 1, ?, ?)
                on conflict (year) do update set notice = excluded.notice, version = calendar_year.version + 1,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                returning version""")) {
            ps.setInt(1, y.year());
            ps.setString(2, y.notice());
            ps.setObject(3, change.at());
            ps.setString(4, change.actor());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
        }
        try (PreparedStatement del = c.prepareStatement("delete from calendar_day where year = ?")) {
            del.setInt(1, y.year());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "insert into calendar_day (day, year, kind, name) values (?, ?, ?, ?)")) {
            addDays(ins, y.year(), "HOLIDAY", y.holidays());
            addDays(ins, y.year(), "WORKING_DAY", y.adjustedWorkingDays());
            ins.executeBatch();
        }
        try (PreparedStatement audit = c.prepareStatement("""
                insert into calendar_change (year, day, action, kind, name, reason, actor, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            audit.setInt(1, y.year());
            audit.setObject(2, change.day());
            audit.setString(3, change.action());
            audit.setString(4, change.kind());
            audit.setString(5, change.name());
            audit.setString(6, change.reason());
            audit.setString(7, change.actor());
            audit.setObject(8, change.at());
            audit.executeUpdate();
        }
        CalendarUpdatedV1 event = CalendarUpdatedV1.of(y, version);
        outbox.append(Topics.CALENDAR_EVENTS, CalendarUpdatedV1.TYPE, event.key(), event);
        changed.fire(new Changed(y.year()));
        return new Stored(y, version, change.at(), change.actor());
    }

    private static void addDays(PreparedStatement ins, int year, String kind, Map<LocalDate, String> days)
            throws SQLException {
        for (Map.Entry<LocalDate, String> d : days.entrySet()) {
            ins.setObject(1, d.getKey());
            ins.setInt(2, year);
            ins.setString(3, kind);
            ins.setString(4, d.getValue());
            ins.addBatch();
        }
    }

    private static Optional<Stored> find(Connection c, int year) throws SQLException {
        Map<Integer, Stored> found = load(c, year);
        return Optional.ofNullable(found.get(year));
    }

    /** Every stored year, or only {@code onlyYear} when it is not null. */
    private static Map<Integer, Stored> load(Connection c, Integer onlyYear) throws SQLException {
        String where = onlyYear == null ? "" : " where y.year = ?";
        Map<Integer, Object[]> heads = new HashMap<>();
        Map<Integer, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<Integer, Map<LocalDate, String>> working = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select y.year, y.notice, y.version, y.updated_at, y.updated_by,"
                + " d.day, d.kind, d.name from calendar_year y left join calendar_day d on d.year = y.year" + where)) {
            if (onlyYear != null) {
                q.setInt(1, onlyYear);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int year = rs.getInt(1);
                    heads.putIfAbsent(year, new Object[] {rs.getString(2), rs.getLong(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5)});
                    LocalDate day = rs.getObject(6, LocalDate.class);
                    if (day != null) {
                        (rs.getString(7).equals("HOLIDAY") ? holidays : working)
                                .computeIfAbsent(year, k -> new HashMap<>()).put(day, rs.getString(8));
                    }
                }
            }
        }
        Map<Integer, Stored> out = new HashMap<>();
        heads.forEach((year, h) -> out.put(year, new Stored(new CalendarYear(year, (String) h[0],
                holidays.getOrDefault(year, Map.of()), working.getOrDefault(year, Map.of())), (Long) h[1],
                (OffsetDateTime) h[2], (String) h[3])));
        return out;
    }

    void reloadAfterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        reload();
    }

    @Scheduled(every = "${calendar.refresh-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        current = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return WorkingCalendar.of(load(c, null).values().stream().map(Stored::year).toList());
            }
        });
    }
}
