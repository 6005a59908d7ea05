package rol.task.departments;

import rol.task.directory.Department;
import rol.task.directory.DirectorySeed;
import rol.task.directory.District;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** A district whose directory the database holds (from its seed file). */
@Entity
@Table(name = "district")
public class DistrictEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> prefixes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> places = new ArrayList<>();

    public District toDistrict() {
        return new District(id, name, prefixes, places);
    }
}
