package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import rol.task.plan.Task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * V6: the search column of the task list, the reason of a deadline change, and milestones (序时进度).
 *
 * <p>In Java rather than SQL because the search column of the tasks that already exist must be filled with the
 * same traditional-to-simplified form the application writes ({@link Task#searchText}, ICU), which PostgreSQL
 * cannot compute. Done here, it runs once, before the service answers a single request and in the transaction of
 * the new column, so the column can be NOT NULL and no query ever meets an unfilled row. (A fill at every start-up
 * would run beside requests already being served and stay in the code for good.)
 */
public class V6__Search_text_and_milestones extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("alter table task add column search_text text");
        }
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("select id, title, text from task");
             PreparedStatement write = c.prepareStatement("update task set search_text = ? where id = ?")) {
            int pending = 0;
            while (rs.next()) {
                write.setString(1, Task.searchText(rs.getString(2), rs.getString(3)));
                write.setObject(2, rs.getObject(1));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            write.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("alter table task alter column search_text set not null");
            // pg_trgm is a trusted extension: the database's owner may create it. Its GIN index serves
            // "like '%…%'" (no left anchor), which a b-tree cannot; Han characters count as word characters
            // under the cluster's C.UTF-8 locale, so Chinese text gets trigrams too.
            st.execute("create extension if not exists pg_trgm");
            st.execute("create index task_search on task using gin (search_text gin_trgm_ops)");

            // a deadline changed by the office outside an extension request says why
            st.execute("alter table deadline_change add column reason text");

            st.execute("""
                    create table milestone (
                        id            uuid primary key,
                        task_id       uuid not null references task (id),
                        title         text not null,
                        due_date      date not null,
                        created_at    timestamptz not null,
                        created_by    text not null,
                        completed_at  timestamptz,
                        completed_by  text,
                        note          text
                    )""");
            st.execute("create index milestone_task on milestone (task_id, due_date)");
        }
    }
}
