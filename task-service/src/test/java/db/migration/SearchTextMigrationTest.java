package db.migration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import rol.testsupport.StackResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V6 fills the search column of the tasks that exist when it runs (the test database is migrated empty, so this
 * runs the migration again on tasks of a scratch schema, inside a transaction that is rolled back).
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class SearchTextMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void existingTasksGetTheirSimplifiedSearchText() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("create schema v6_check");
                st.execute("set local search_path = v6_check, public");
                st.execute("create table task (id uuid primary key, title text not null, text text not null)");
                st.execute("create table deadline_change (id bigint primary key)");
                st.execute("insert into task values (gen_random_uuid(), '推進鯉城區APP建設', '行政執法監督。'),"
                        + " (gen_random_uuid(), '深化法治宣传', '落实普法责任制。')");
            }
            new V6__Search_text_and_milestones().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    throw new UnsupportedOperationException("V6 needs no configuration");
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            List<String> stored = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select search_text from task order by title")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
                assertEquals(List.of("推进鲤城区app建设\n行政执法监督。", "深化法治宣传\n落实普法责任制。"), stored);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select coalesce(array_length(show_trgm('鲤城区行政执法'), 1), 0)")) {
                rs.next();
                // Han characters are word characters to pg_trgm here, so the GIN index can serve Chinese queries
                assertTrue(rs.getInt(1) >= 7, "trigrams of Han text: " + rs.getInt(1));
            }
            c.rollback();
        }
    }
}
