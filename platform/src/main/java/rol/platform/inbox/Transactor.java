package rol.platform.inbox;

import java.sql.Connection;

/** Runs work in a new transaction and hands it that transaction's connection. */
@FunctionalInterface
public interface Transactor {

    void inTransaction(Work work) throws Exception;

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws Exception;
    }
}
