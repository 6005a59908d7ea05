package rol.platform.event.department;

import java.util.List;

/**
 * {@code department.upserted.v1} on the compacted topic {@code department-events}, key = {@link #key()}: a unit of a
 * district's directory as it is after it was created or edited (and as it is at every start of task-service), so
 * that the newest record per key is the unit's current entry.
 *
 * @param district     district id, e.g. {@code licheng}
 * @param departmentId the unit's id within the district, e.g. {@code judicial-bureau}
 * @param name         the full name (泉州市鲤城区司法局)
 * @param shortNames   the names offices write (区司法局), the first one being the one lists show
 * @param kind         {@code party}, {@code government}, {@code judicial}, {@code subdistrict} or {@code unit}
 * @param parent       the unit a sub-unit belongs to, null for a unit tasks are dispatched to
 * @param version      grows with every change of the unit; a consumer ignores a record not newer than the one it has
 */
public record DepartmentUpsertedV1(String district, String departmentId, String name, List<String> shortNames,
                                   String kind, String parent, long version) {

    public static final String TYPE = "department.upserted.v1";

    public DepartmentUpsertedV1 {
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    }

    /**
     * The Kafka key and event subject: {@code licheng/judicial-bureau}. The department id qualified by its district,
     * because ids are unique only within a district and compaction keeps one record per key.
     */
    public static String key(String district, String departmentId) {
        return district + "/" + departmentId;
    }

    public String key() {
        return key(district, departmentId);
    }
}
