package rol.notification.calendar;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.platform.calendar.CalendarYear;
import rol.platform.calendar.HolidayCalendarLoader;
import rol.platform.calendar.WorkingCalendar;
import rol.platform.event.EventJson;
import rol.platform.event.calendar.CalendarUpdatedV1;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The working-day calendar every rule of this service counts with: the years task-service published
 * ({@code calendar_year}), and for years it has not published (yet) the calendar file, bundled or
 * {@code notification.calendar.file}. A year applied from an event counts at once, without a restart.
 */
@ApplicationScoped
public class StoredCalendar {

    /** Fired in the transaction that applied a year; if it rolls back, the stored years are read again. */
    record Applied(int year) {
    }

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "notification.calendar.file")
    Optional<Path> file;

    private volatile WorkingCalendar fallback;
    private volatile WorkingCalendar current;
    private volatile boolean applying;

    public WorkingCalendar current() {
        WorkingCalendar c = current;
        if (c == null) {
            reload();
            c = current;
        }
        return c;
    }

    void loadAtStart(@Observes @Priority(1) StartupEvent start) {
        reload();
        Log.infof("working-day calendar covers %s (file %s, then the years task-service published)",
                current.coveredYears(), file.map(Path::toString).orElse("bundled"));
    }

    /** Counts with {@code year} from now on (the caller stores it in its transaction). */
    synchronized void apply(CalendarYear year) {
        applying = true;
        Map<Integer, CalendarYear> years = years(current());
        years.put(year.year(), year);
        current = WorkingCalendar.of(years.values());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Applied applied) {
        applying = false;
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) Applied applied) {
        applying = false;
        reload();
    }

    /** The consumer applies a year in one replica; the others read it from the table. */
    @Scheduled(every = "${notification.calendar.refresh-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        // not while a year is applied but not committed: the table does not show it yet
        if (!applying) {
            reload();
        }
    }

    synchronized void reload() {
        if (fallback == null) {
            fallback = file.map(HolidayCalendarLoader::load).orElseGet(WorkingCalendar::chinaDefault);
        }
        Map<Integer, CalendarYear> years = years(fallback);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select cast(data as text) from calendar_year");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    CalendarYear y = EventJson.read(rs.getString(1), CalendarUpdatedV1.class).toYear();
                    years.put(y.year(), y);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the stored calendar failed", e);
            }
        });
        current = WorkingCalendar.of(years.values());
    }

    private static Map<Integer, CalendarYear> years(WorkingCalendar calendar) {
        Map<Integer, CalendarYear> out = new TreeMap<>();
        calendar.coveredYears().forEach(y -> out.put(y, calendar.year(y).orElseThrow()));
        return out;
    }
}
