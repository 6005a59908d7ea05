package rol.notification.calendar;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.notification.clock.TimeDrivenJob;
import rol.notification.digest.DigestSchedule;
import rol.notification.notice.Addressee;
import rol.notification.notice.Notices;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * From 1 November, while next year is missing from the calendar, the office's inbox gets one notice a week
 * ({@code CALENDAR_MISSING}) asking it to enter the State Council's notice; it stops once the year is entered.
 */
@ApplicationScoped
public class MissingYearNotice implements TimeDrivenJob {

    static final String KIND = "CALENDAR_MISSING";  // in Notices.INBOX_ONLY_KINDS
    /** The month from which next year's holidays are asked for: the notice usually comes out October–November. */
    static final int FROM_MONTH = 11;

    @Inject
    DataSource dataSource;

    @Inject
    StoredCalendar calendar;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    @ConfigProperty(name = "rollup.district")
    String district;

    @ConfigProperty(name = "notification.digest.zone")
    ZoneId zone;

    @Override
    public String name() {
        return "missing-year";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Map<String, Object> runNow() {
        return Map.of("missingYearNotices", runDue());
    }

    @Scheduled(every = "${notification.calendar.missing-year-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (runDue() > 0) {
            Log.infof("told the office of %s that next year's holidays are missing", district);
        }
    }

    /** Sends this week's notice when it is due and not sent yet; returns how many notices it created. */
    public int runDue() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int year = today.getYear() + 1;
        if (today.getMonthValue() < FROM_MONTH || calendar.current().covers(LocalDate.of(year, 1, 1))) {
            return 0;
        }
        String week = DigestSchedule.isoWeek(today);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into calendar_missing_notice (year, week, notice_at) values (?, ?, ?)"
                            + " on conflict do nothing")) {
                ps.setInt(1, year);
                ps.setString(2, week);
                ps.setObject(3, OffsetDateTime.now(clock));
                if (ps.executeUpdate() == 0) {
                    return 0;
                }
                return notices.create(c, null, district, KIND, null,
                        List.of(new Addressee(Addressee.OFFICE, district, "区委依法治区办")),
                        Map.of("year", String.valueOf(year)), clock.instant()).size();
            }
        });
    }
}
