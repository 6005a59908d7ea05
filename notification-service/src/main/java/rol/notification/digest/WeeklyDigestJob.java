package rol.notification.digest;

import rol.notification.clock.TimeDrivenJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.notification.calendar.StoredCalendar;
import rol.notification.progress.LightRules;
import rol.notification.channel.Deliveries;
import rol.notification.department.DepartmentDirectory;
import rol.notification.department.DepartmentNames;
import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.LightReason;
import rol.notification.subscription.Subscription;
import rol.platform.lights.TaskState;
import rol.platform.problem.Messages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly digest (周报) to each district's rule-of-law office: red, yellow and changed tasks from the read model,
 * rendered in Chinese and emailed to the office's email subscriptions through the delivery table (so it is retried
 * and dead-lettered like every delivery). Once per district and ISO week: the {@code digest_run} row claims it, so
 * several replicas and restarts compose it once.
 */
@ApplicationScoped
public class WeeklyDigestJob implements TimeDrivenJob {

    public static final String KIND = "DIGEST";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DigestConfig config;

    @Inject
    Deliveries deliveries;

    @Location("digest/weekly.txt")
    Template weekly;

    @Inject
    StoredCalendar calendars;

    @Inject
    LightRules lights;

    @Inject
    DepartmentDirectory departments;

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Map<String, Object> runNow() {
        return Map.of("digests", run());
    }

    @Scheduled(every = "${notification.digest.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Composes this week's digest for every district that has not had it yet, if it is due; returns how many. */
    public int run() {
        Instant now = clock.instant();
        Optional<String> week = config.schedule().dueWeek(now);
        if (week.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<String> districts = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select distinct district from subscription
                where recipient_type = 'OFFICE' and channel = 'EMAIL' and enabled order by district
                """, String.class).getResultList());
        int composed = 0;
        for (String district : districts) {
            if (QuarkusTransaction.requiringNew().call(() -> composeOnce(district, week.get(), now))) {
                composed++;
            }
        }
        return composed;
    }

    private boolean composeOnce(String district, String week, Instant now) {
        List<Subscription> offices = Subscription.<Subscription>list(
                        "district = ?1 and recipientType = ?2 and channel = ?3 and enabled = true", district,
                        Subscription.RecipientType.OFFICE, Subscription.Channel.EMAIL)
                .stream().filter(s -> s.wants(KIND)).toList();
        if (offices.isEmpty()) {
            return false;
        }
        int claimed = em.createNativeQuery("""
                        insert into digest_run (district, iso_week, created_at) values (?1, ?2, ?3)
                        on conflict do nothing
                        """)
                .setParameter(1, district).setParameter(2, week)
                .setParameter(3, OffsetDateTime.ofInstant(now, clock.getZone())).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        DigestComposer.WeeklyDigest digest = compose(district, week, now);
        String title = Messages.text("digest.title", district, week);
        String body = weekly.data("d", digest).data("states", labels("digest.state.", TaskState.values()))
                .data("reasons", labels("digest.reason.", LightReason.values())).render();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("isoWeek", week);
        data.put("supervised", digest.supervised());
        data.put("red", digest.red().size());
        data.put("yellow", digest.yellow().size());
        data.put("changed", digest.changed().size());
        for (Subscription s : offices) {
            deliveries.enqueue(s, "digest:" + district + ":" + week, null, KIND, district, null, title, body, now,
                    data);
        }
        return true;
    }

    /** The digest of {@code district} for {@code week} as the read model stands at {@code now} (mailed or shown). */
    public DigestComposer.WeeklyDigest compose(String district, String week, Instant now) {
        List<DigestComposer.DigestTask> tasks = tasks(district);
        DepartmentNames names = departments.names(district,
                tasks.stream().map(t -> t.task().leadDepartment()).toList());
        return new DigestComposer(lights.forDistrict(district), calendars.current())
                .compose(district, week, now, tasks, names);
    }

    private List<DigestComposer.DigestTask> tasks(String district) {
        ZoneId zone = lights.forDistrict(district).zone();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select cast(task_id as text), district, cast(work_plan_id as text), issuer, plan_year, state,
                            lead_department, co_departments, deadline, key_supervision, percent, last_feedback_at,
                            dispatched_at, closed_at, task_version, title, updated_at
                        from task_view where district = ?1
                        """)
                .setParameter(1, district).getResultList();
        return rows.stream().map(r -> new DigestComposer.DigestTask(new TaskSnapshot(
                (String) r[0], (String) r[1], (String) r[2], (String) r[3], (Integer) r[4],
                TaskState.parse((String) r[5]), (String) r[6], Arrays.asList((String[]) r[7]),
                date(r[8]), (Boolean) r[9], ((Number) r[10]).intValue(), instant(r[11]),
                day(instant(r[12]), zone), day(instant(r[13]), zone), ((Number) r[14]).longValue()),
                (String) r[15], instant(r[16]))).toList();
    }

    private static Map<String, String> labels(String prefix, Enum<?>[] values) {
        Map<String, String> labels = new HashMap<>();
        for (Enum<?> v : values) {
            labels.put(v.name(), Messages.text(prefix + v.name()));
        }
        return labels;
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) o;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
