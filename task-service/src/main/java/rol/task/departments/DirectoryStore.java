package rol.task.departments;

import rol.task.directory.Department;
import rol.task.directory.DirectorySeed;
import rol.task.directory.District;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import rol.platform.event.Topics;
import rol.platform.event.department.DepartmentUpsertedV1;
import rol.platform.quarkus.OutboxWriter;
import rol.task.suggestion.DepartmentDirectory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The department directories in the database. A district without departments is seeded from its
 * {@code directory/<district>.yaml} at start-up (under an advisory lock, so two instances seed once); after that the
 * office keeps it through {@code /api/departments} and suggestions read it from here. Every change is announced
 * ({@code department.upserted.v1}) in its transaction, and every start announces the whole directory again.
 */
@ApplicationScoped
public class DirectoryStore {

    private static final Logger LOG = Logger.getLogger(DirectoryStore.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutboxWriter outbox;

    /** The district this deployment serves: where /api/departments reads and writes. */
    @ConfigProperty(name = "directory.district", defaultValue = "licheng")
    String district;

    public String district() {
        return district;
    }

    // before the inbox consumer starts, so that the first report's tasks get suggestions from the directory
    void seedAtStart(@Observes @Priority(1) StartupEvent start) {
        int added = seedAndAnnounce(district);
        if (added > 0) {
            LOG.infof("seeded the directory of %s with %d units", district, added);
        }
    }

    /**
     * Seeds the district if it has no units (announcing them), else announces every unit it has again: units that
     * existed before the event did, or whose record the topic lost, reach the consumers this way. Two instances
     * starting at once take turns on the seed's lock and both announce; the second announcement repeats versions the
     * consumers already hold, which they ignore.
     *
     * @return how many units were seeded
     */
    @Transactional
    public int seedAndAnnounce(String districtId) {
        int added = seedIfEmpty(districtId);
        if (added == 0) {
            DepartmentEntity.ofDistrict(districtId).forEach(this::announce);
        }
        return added;
    }

    /**
     * Writes the unit as it is now to the outbox, in the caller's transaction (after the flush that set its version).
     * The unit's contact is left out on purpose: it is personal data, no consumer needs it (notices go to
     * subscriptions, not to the contact), and a compacted topic would keep copies of it out of the office's reach.
     */
    public void announce(DepartmentEntity e) {
        DepartmentUpsertedV1 event = new DepartmentUpsertedV1(e.district, e.departmentId, e.name, e.shortNames,
                e.kind.name().toLowerCase(Locale.ROOT), e.parent, e.version);
        outbox.append(Topics.DEPARTMENT_EVENTS, DepartmentUpsertedV1.TYPE, event.key(), event);
    }

    /**
     * Inserts and announces the seed's units when the district has none; returns how many were inserted (0 when it
     * had some).
     */
    @Transactional
    public int seedIfEmpty(String districtId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "directory:" + districtId).getSingleResult();
        if (DepartmentEntity.count("district", districtId) > 0) {
            return 0;
        }
        DirectorySeed seed = DirectorySeed.forDistrict(districtId);
        if (DistrictEntity.findById(districtId) == null) {
            DistrictEntity d = new DistrictEntity();
            d.id = seed.district().id();
            d.name = seed.district().name();
            d.prefixes = List.copyOf(seed.district().prefixes());
            d.places = List.copyOf(seed.district().places());
            d.persist();
        }
        OffsetDateTime now = now();
        for (Department unit : seed.departments()) {
            DepartmentEntity e = new DepartmentEntity();
            e.district = districtId;
            e.departmentId = unit.id();
            copy(unit, e);
            e.createdAt = now;
            e.updatedAt = now;
            e.persist();
            announce(e);
        }
        return seed.departments().size();
    }

    /** The district's directory as the suggesters use it; empty when the database holds none for the district. */
    public Optional<DepartmentDirectory> directory(String districtId) {
        DistrictEntity d = districtId == null ? null : DistrictEntity.findById(districtId);
        if (d == null) {
            return Optional.empty();
        }
        List<Department> units = DepartmentEntity.ofDistrict(districtId).stream().map(DepartmentEntity::toDepartment).toList();
        return Optional.of(DepartmentDirectory.of(new DirectorySeed(d.toDistrict(), units)));
    }

    public Optional<DirectorySeed> contents(String districtId) {
        DistrictEntity d = DistrictEntity.findById(districtId);
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new DirectorySeed(d.toDistrict(),
                DepartmentEntity.ofDistrict(districtId).stream().map(DepartmentEntity::toDepartment).toList()));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    public static void copy(Department from, DepartmentEntity to) {
        to.name = from.name();
        to.kind = from.kind();
        to.parent = from.parent();
        to.shortNames = List.copyOf(from.shortNames());
        to.aliases = List.copyOf(from.aliases());
        to.keywords = List.copyOf(from.keywords());
    }
}
