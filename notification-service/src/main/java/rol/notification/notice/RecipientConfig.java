package rol.notification.notice;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

@ConfigMapping(prefix = "notification.recipients")
public interface RecipientConfig {

    /**
     * The user who is a department's head (主要负责人), by department id: escalations addressed to the lead
     * department's head go to this user's inbox; a department without one gets them in its own inbox, addressed to
     * its head.
     */
    Map<String, String> departmentHeads();
}
