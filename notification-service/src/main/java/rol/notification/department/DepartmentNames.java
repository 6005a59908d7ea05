package rol.notification.department;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Department ids to the names texts show (the directory's full name, 泉州市鲤城区司法局). An id the directory has
 * not announced yet shows as itself, so a text is never left without its department.
 */
public record DepartmentNames(Map<String, String> names) {

    public static final DepartmentNames NONE = new DepartmentNames(Map.of());

    public DepartmentNames {
        names = Map.copyOf(names);
    }

    /** The name of the department, its id when the name is not known, null for null. */
    public String of(String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }

    /** The names of several departments as a Chinese list: 泉州市鲤城区司法局、泉州市鲤城区市场监督管理局. */
    public String list(List<String> ids) {
        return ids.stream().filter(Objects::nonNull).map(this::of).collect(Collectors.joining("、"));
    }
}
