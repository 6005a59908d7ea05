package rol.notification.schedule;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import rol.platform.calendar.HolidayCalendarLoader;
import rol.platform.calendar.WorkingCalendar;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The working-day calendar: a file mounted beside the service ({@code notification.calendar.file}) replaces the
 * bundled one without a new build. A file that does not load stops the start (the loader names every problem).
 */
@ApplicationScoped
public class Calendars {

    @Produces
    @Singleton
    WorkingCalendar calendar(@ConfigProperty(name = "notification.calendar.file") Optional<Path> file) {
        WorkingCalendar calendar = file.map(HolidayCalendarLoader::load).orElseGet(WorkingCalendar::chinaDefault);
        Log.infof("working-day calendar %s covers %s", file.map(Path::toString).orElse("(bundled)"),
                calendar.coveredYears());
        return calendar;
    }
}
