package rol.notification.schedule;

import io.smallrye.config.ConfigMapping;
import rol.notification.policy.Recipient;
import rol.notification.policy.TaskSnapshot;
import rol.platform.lights.TaskState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The reminder policy of the districts that differ from {@code ReminderPolicy.defaults}:
 * {@code notification.policy.districts.<district>.<component>}, every component optional.
 */
@ConfigMapping(prefix = "notification.policy")
public interface PolicyConfig {

    Map<String, District> districts();

    interface District {
        Optional<List<Integer>> beforeDeadlineWorkingDays();

        Optional<Boolean> onDeadline();

        OptionalInt afterDeadlineEveryWorkingDays();

        OptionalInt escalationAfterOverdueWorkingDays();

        OptionalInt chaserAfterDaysWithoutFeedback();

        OptionalInt chaserRepeatEveryDays();

        Optional<Set<TaskState>> chaserStates();

        /** by rule name in lower case with hyphens ({@code before-deadline}, {@code escalation} …) */
        Map<String, Set<Recipient>> recipients();

        /** HH:mm, local time of the district */
        Optional<String> quietStart();

        Optional<String> quietEnd();

        /** e.g. Asia/Shanghai */
        Optional<String> zone();
    }
}
