package rol.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import rol.notification.notice.NoticeCreated;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts how often each notice was handed to the channels, as a channel observer would see it. */
@ApplicationScoped
public class NoticeRecorder {

    private final Map<Long, Integer> fired = new ConcurrentHashMap<>();

    void on(@Observes NoticeCreated n) {
        fired.merge(n.noticeId(), 1, Integer::sum);
    }

    public int times(long noticeId) {
        return fired.getOrDefault(noticeId, 0);
    }
}
