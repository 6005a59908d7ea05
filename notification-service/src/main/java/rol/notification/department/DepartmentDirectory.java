package rol.notification.department;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Reads the names of departments from the table the directory's events keep ({@link DepartmentEventsHandler}). */
@ApplicationScoped
public class DepartmentDirectory {

    @Inject
    DataSource dataSource;

    /** The names of the given departments of a district (on a connection of its own, or the transaction's). */
    public DepartmentNames names(String district, Collection<String> ids) {
        try (Connection c = dataSource.getConnection()) {
            return names(c, district, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("reading department names failed", e);
        }
    }

    /** The names of the given departments of a district, read on the caller's connection. */
    public static DepartmentNames names(Connection c, String district, Collection<String> ids) throws SQLException {
        String[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (district == null || wanted.length == 0) {
            return DepartmentNames.NONE;
        }
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select department_id, name from department where district = ? and department_id = any (?)")) {
            ps.setString(1, district);
            ps.setArray(2, c.createArrayOf("text", wanted));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return new DepartmentNames(names);
    }
}
