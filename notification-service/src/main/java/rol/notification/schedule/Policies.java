package rol.notification.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import rol.notification.policy.QuietHours;
import rol.notification.policy.Recipient;
import rol.notification.policy.ReminderPlanner;
import rol.notification.policy.ReminderPolicies;
import rol.notification.policy.ReminderPolicy;
import rol.notification.policy.ReminderRule;
import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.TaskState;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The configured reminder policy of each district (defaults for the others), read once at start. */
@ApplicationScoped
public class Policies {

    private final ReminderPolicies policies;

    @Inject
    public Policies(PolicyConfig config) {
        List<ReminderPolicy> configured = new ArrayList<>();
        config.districts().forEach((district, d) -> configured.add(merge(ReminderPolicy.defaults(district), d)));
        this.policies = new ReminderPolicies(configured);
    }

    public ReminderPolicy forDistrict(String district) {
        return policies.forDistrict(district);
    }

    public ReminderPlanner planner(String district) {
        return new ReminderPlanner(forDistrict(district));
    }

    static ReminderPolicy merge(ReminderPolicy base, PolicyConfig.District d) {
        Map<ReminderRule, Set<Recipient>> recipients = new EnumMap<>(base.recipients());
        d.recipients().forEach((rule, to) -> recipients.put(rule(rule), to));
        QuietHours q = base.quietHours();
        ZoneId zone = d.zone().map(ZoneId::of).orElse(base.zone());
        QuietHours quiet = new QuietHours(d.quietStart().map(LocalTime::parse).orElse(q.start()),
                d.quietEnd().map(LocalTime::parse).orElse(q.end()), d.zone().isPresent() ? zone : q.zone());
        Set<TaskState> chaserStates = d.chaserStates().orElse(base.chaserStates());
        return new ReminderPolicy(base.district(),
                d.beforeDeadlineWorkingDays().orElse(base.beforeDeadlineWorkingDays()),
                d.onDeadline().orElse(base.onDeadline()),
                d.afterDeadlineEveryWorkingDays().orElse(base.afterDeadlineEveryWorkingDays()),
                d.escalationAfterOverdueWorkingDays().orElse(base.escalationAfterOverdueWorkingDays()),
                d.chaserAfterDaysWithoutFeedback().orElse(base.chaserAfterDaysWithoutFeedback()),
                d.chaserRepeatEveryDays().orElse(base.chaserRepeatEveryDays()),
                chaserStates, recipients, quiet, zone);
    }

    private static ReminderRule rule(String name) {
        try {
            return ReminderRule.valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notification.policy: unknown rule '" + name + "' in recipients");
        }
    }
}
