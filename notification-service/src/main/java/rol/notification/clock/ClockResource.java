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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Problem;
import rol.platform.problem.ProblemException;
import rol.platform.quarkus.MovableClock;
import rol.platform.security.Roles;

import java.time.Duration;
import java.time.Instant;
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
@Tag(name = "时钟（仅本机演示）", description = "拨动提醒服务的时钟并立即运行所有定时作业（红黄绿灯、提醒、周报、投递），"
        + "用一分钟看完一个月的提醒。只在本机演示环境开启（notification.clock.control-enabled）；生产环境关闭，答 404。")
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
    @Operation(summary = "服务当前时间", description = "区委依法治区办（office）查看提醒服务眼中的现在（now）和它与真实时间的差（offset）。")
    @APIResponse(responseCode = "404", description = "时钟控制未开启（生产环境）")
    public State now() {
        enabled();
        return State.of(clock, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Operation(summary = "拨动时钟", description = "区委依法治区办（office）在本机演示中把时钟向前拨（advance，ISO 时长，如 P3D）"
            + "或拨到任一时刻（at，带时区，也可回到过去），二选一；随后依次运行所有定时作业，答复各作业的结果。")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "向前拨三天", value = "{\"advance\": \"P3D\"}"),
            @ExampleObject(name = "拨到某一时刻", value = "{\"at\": \"2026-12-01T09:00:00+08:00\"}")}))
    @APIResponse(responseCode = "400", description = "advance 和 at 没有恰好给出一个、格式不对、advance 为负，或拨到 2000 年以前、2100 年以后")
    @APIResponse(responseCode = "404", description = "时钟控制未开启（生产环境）")
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
            clock.set(Range.inRange("advance", clock.instant(), d));
        } else {
            Instant at;
            try {
                at = OffsetDateTime.parse(move.at().strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("at", "clock.at.form", move.at());
            }
            clock.set(Range.inRange("at", at, Duration.ZERO));
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

    /** The range check apart from the resource, whose class-level role check would refuse a private method. */
    static final class Range {
        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("2100-12-31T00:00:00Z");

        private Range() {
        }

        /**
         * The instant {@code amount} after {@code from}, when it lies in the years the system works in (those the
         * working-day calendar and the 红黄绿灯 can count): a clock in 1900 or 9999 only shows a typing error.
         */
        static Instant inRange(String field, Instant from, Duration amount) {
            Instant to;
            try {
                to = from.plus(amount);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                to = Instant.MAX;
            }
            if (to.isBefore(EARLIEST) || to.isAfter(LATEST)) {
                throw ProblemException.invalid(field, "clock.out-of-range", to.isAfter(LATEST) ? "2100 年以后" : "2000 年以前");
            }
            return to;
        }
    }
}
