package rol.notification.department;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import rol.platform.event.CloudEvent;
import rol.platform.event.MalformedEventException;
import rol.platform.event.department.DepartmentUpsertedV1;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the department table from {@code department-events}, in the inbox transaction of the event: the newest
 * version of a unit wins, so a redelivered event, task-service's announcement at every start and a late older
 * version change nothing.
 */
@ApplicationScoped
public class DepartmentEventsHandler {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** @return true when the event changed the stored unit */
    public boolean handle(CloudEvent event) {
        if (!DepartmentUpsertedV1.TYPE.equals(event.type())) {
            return false; // another version or type: not ours to read
        }
        DepartmentUpsertedV1 d = event.data() == null ? null : event.dataAs(DepartmentUpsertedV1.class);
        if (d == null || blank(d.district()) || blank(d.departmentId()) || blank(d.name())) {
            throw new MalformedEventException(event.type() + " without district, department id or name");
        }
        return em.createNativeQuery("""
                        insert into department (district, department_id, name, short_names, kind, parent, version,
                            updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (district, department_id) do update set
                            name = excluded.name, short_names = excluded.short_names, kind = excluded.kind,
                            parent = excluded.parent, version = excluded.version, updated_at = excluded.updated_at
                        where department.version < excluded.version
                        """)
                .setParameter(1, d.district()).setParameter(2, d.departmentId()).setParameter(3, d.name())
                .setParameter(4, d.shortNames().toArray(String[]::new)).setParameter(5, d.kind())
                .setParameter(6, d.parent()).setParameter(7, d.version())
                .setParameter(8, OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
