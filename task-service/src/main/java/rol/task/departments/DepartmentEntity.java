package rol.task.departments;

import rol.task.directory.Department;
import rol.task.directory.DirectorySeed;
import rol.task.directory.District;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One unit of a district's directory as stored; {@link #toDepartment()} is the form the suggesters use. */
@Entity
@Table(name = "department")
public class DepartmentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(nullable = false)
    public String district;

    @Column(name = "department_id", nullable = false)
    public String departmentId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Department.Kind kind;

    public String parent;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "short_names", nullable = false)
    public List<String> shortNames = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> aliases = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> keywords = new ArrayList<>();

    // the unit's contact (personal data, see UnitContact); null until the office enters it
    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_address")
    public String contactAddress;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public Department toDepartment() {
        return new Department(departmentId, name, kind, parent, shortNames, aliases, keywords);
    }

    /** The stored contact, or null when the office has entered none. */
    public UnitContact contact() {
        return contactName == null && contactPhone == null && contactEmail == null && contactAddress == null
                ? null : new UnitContact(contactName, contactPhone, contactEmail, contactAddress);
    }

    public void setContact(UnitContact c) {
        contactName = c == null ? null : c.name();
        contactPhone = c == null ? null : c.phone();
        contactEmail = c == null ? null : c.email();
        contactAddress = c == null ? null : c.address();
    }

    public static List<DepartmentEntity> ofDistrict(String district) {
        return list("district = ?1 order by pk", district);
    }

    public static Optional<DepartmentEntity> byId(String district, String departmentId) {
        return find("district = ?1 and departmentId = ?2", district, departmentId).firstResultOptional();
    }
}
