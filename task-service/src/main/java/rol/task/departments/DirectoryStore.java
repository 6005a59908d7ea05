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
import rol.task.suggestion.DepartmentDirectory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The department directories in the database. A district without departments is seeded from its
 * {@code directory/<district>.yaml} at start-up (under an advisory lock, so two instances seed once); after that the
 * office keeps it through {@code /api/departments} and suggestions read it from here.
 */
@ApplicationScoped
public class DirectoryStore {

    private static final Logger LOG = Logger.getLogger(DirectoryStore.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The district this deployment serves: where /api/departments reads and writes. */
    @ConfigProperty(name = "directory.district", defaultValue = "licheng")
    String district;

    public String district() {
        return district;
    }

    // before the inbox consumer starts, so that the first report's tasks get suggestions from the directory
    void seedAtStart(@Observes @Priority(1) StartupEvent start) {
        int added = seedIfEmpty(district);
        if (added > 0) {
            LOG.infof("seeded the directory of %s with %d units", district, added);
        }
    }

    /** Inserts the seed's units when the district has none; returns how many were inserted (0 when it had some). */
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
