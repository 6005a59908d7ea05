package rol.notification.clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.quarkus.MovableClock;
import rol.platform.security.Roles;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Moves the service's clock and runs the time-driven jobs at once: how a local stack is shown a month of reminders
 * in a minute. Answers 404 unless {@code notification.clock.control-enabled} (never in production).
 */
@Path("/api/clock")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ClockResource {

    /** Either {@code advance} (an ISO duration such as {@code P3D}) or {@code at} (a time with offset). */
    public record Move(String advance, String at) {
    }

    public record JobRun(String job, Map<String, Object> result) {
    }

    /** @param now ISO instant; @param offset how far the clock is from the real time (ISO duration) */
    public record State(String now, String offset, List<JobRun> ran) {
        static State of(MovableClock clock, List<JobRun> ran) {
            return new State(clock.instant().toString(), clock.offset().toString(), ran);
        }
    }

    @Inject
    ClockControlConfig config;

    @Inject
    MovableClock clock;

    @Inject
    @Any
    Instance<TimeDrivenJob> jobs;

    @GET
    @RolesAllowed(Roles.OFFICE)
    public State now() {
        enabled();
        return State.of(clock, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    public State move(Move move) {
        enabled();
        if (move == null || (move.advance() == null) == (move.at() == null)) {
            throw ProblemException.invalid("advance", "clock.move.one-of");
        }
        if (move.advance() != null) {
            Duration d;
            try {
                d = Duration.parse(move.advance().strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("advance", "clock.advance.form", move.advance());
            }
            if (d.isNegative()) {
                throw ProblemException.invalid("advance", "clock.advance.negative");
            }
            clock.advance(d);
        } else {
            try {
                clock.set(OffsetDateTime.parse(move.at().strip()).toInstant());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("at", "clock.at.form", move.at());
            }
        }
        // each job in its own transactions, one after the other, in a stable order
        List<TimeDrivenJob> all = new ArrayList<>();
        jobs.forEach(all::add);
        all.sort(Comparator.comparingInt(TimeDrivenJob::order).thenComparing(TimeDrivenJob::name));
        List<JobRun> ran = new ArrayList<>();
        for (TimeDrivenJob job : all) {
            ran.add(new JobRun(job.name(), job.runNow()));
        }
        return State.of(clock, ran);
    }

    private void enabled() {
        if (!config.controlEnabled()) {
            throw ProblemException.of(404, "clock-control-disabled");
        }
    }
}
