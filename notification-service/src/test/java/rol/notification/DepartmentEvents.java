package rol.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import rol.notification.readmodel.TaskEventsHandler;
import rol.platform.event.CloudEvent;
import rol.platform.event.EventJson;
import rol.platform.event.department.DepartmentUpsertedV1;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** task-service's announcements of its directory, as tests need them; applied through the service's one handler. */
public final class DepartmentEvents {

    public static final String JUDICIAL = "泉州市鲤城区司法局";
    public static final String MARKET = "泉州市鲤城区市场监督管理局";

    private DepartmentEvents() {
    }

    public static CloudEvent event(String district, String departmentId, String name, long version) {
        DepartmentUpsertedV1 d = new DepartmentUpsertedV1(district, departmentId, name, List.of(), "government", null,
                version);
        return new CloudEvent(null, UUID.randomUUID().toString(), "/task-service", DepartmentUpsertedV1.TYPE,
                d.key(), OffsetDateTime.now(), null, EventJson.tree(d));
    }

    /** judicial-bureau and market-regulation of the district, named as the directory names them. */
    public static void announceBoth(TaskEventsHandler handler, String district) {
        announce(handler, district, "judicial-bureau", JUDICIAL, 0);
        announce(handler, district, "market-regulation", MARKET, 0);
    }

    public static void announce(TaskEventsHandler handler, String district, String departmentId, String name,
                                long version) {
        CloudEvent e = event(district, departmentId, name, version);
        QuarkusTransaction.requiringNew().run(() -> handler.handle(e));
    }
}
