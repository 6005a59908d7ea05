package rol.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The row count and a hash of every row of each table of a service's schema: two equal fingerprints mean a refused
 * request stored nothing, changed nothing and deleted nothing, whichever table it would have touched.
 */
public record DatabaseFingerprint(Map<String, String> tables) {

    /** Takes the fingerprint of every table in the {@code public} schema but those {@code ignored}. */
    public static DatabaseFingerprint of(DataSource dataSource, Set<String> ignored) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                if (ignored.contains(name)) {
                    continue;
                }
                // the row's text form covers every column; ordering by it makes the hash independent of storage order
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                        + " from \"" + name.replace("\"", "\"\"") + "\" t")) {
                    rs.next();
                    tables.put(name, rs.getLong(1) + " rows " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the database", e);
        }
        return new DatabaseFingerprint(tables);
    }

    /**
     * Waits until background work (outbox relay, consumers, jobs) has stopped changing the tables: two fingerprints
     * taken {@code pauseMillis} apart agree. Fails after {@code tries}.
     */
    public static DatabaseFingerprint settled(DataSource dataSource, Set<String> ignored, long pauseMillis, int tries) {
        DatabaseFingerprint last = of(dataSource, ignored);
        for (int i = 0; i < tries; i++) {
            sleep(pauseMillis);
            DatabaseFingerprint next = of(dataSource, ignored);
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        throw new IllegalStateException("the database kept changing: " + last.tables());
    }

    /** The tables whose rows differ, with both fingerprints ("task: 3 rows 1a2b… → 4 rows 9f8e…"); empty when equal. */
    public List<String> differences(DatabaseFingerprint after) {
        Set<String> names = new TreeSet<>(tables.keySet());
        names.addAll(after.tables.keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String before = tables.get(name);
            String now = after.tables.get(name);
            if (before == null || !before.equals(now)) {
                out.add(name + ": " + before + " → " + now);
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
