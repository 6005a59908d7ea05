package rol.platform.problem;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stopped or restarting PostgreSQL is an outage (503 with Retry-After), never an internal error (500). */
class DatabaseFaultsTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedConnectionIsDatabaseUnavailable() {
        Exception e = new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:25442 refused.", "08001", new ConnectException("Connection refused")));
        assertEquals(Optional.of(DatabaseFaults.UNAVAILABLE), DatabaseFaults.kind(e));
        Response r = mappers.unexpected(e, null);
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        Problem p = (Problem) r.getEntity();
        assertEquals(Problems.TYPE_PREFIX + "database-unavailable", p.type());
        assertTrue(p.detail().contains("没有生效"), p.detail());
    }

    @Test
    void aServerShuttingDownOrStartingIsDatabaseUnavailable() {
        assertEquals(Optional.of(DatabaseFaults.UNAVAILABLE),
                DatabaseFaults.kind(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertEquals(Optional.of(DatabaseFaults.UNAVAILABLE),
                DatabaseFaults.kind(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aConnectionLostWhileCommittingLeavesTheOutcomeUnknown() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertEquals(Optional.of(DatabaseFaults.COMMIT_UNKNOWN), DatabaseFaults.kind(new RuntimeException(commit)));
        Response r = mappers.unexpected(new RuntimeException(commit), null);
        assertEquals(503, r.getStatus());
        Problem p = (Problem) r.getEntity();
        assertEquals(Problems.TYPE_PREFIX + "commit-unknown", p.type());
        assertTrue(p.detail().contains("Idempotency-Key"), p.detail());
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        assertEquals(Optional.empty(), DatabaseFaults.kind(new SQLException("duplicate key", "23505")));
        assertEquals(Optional.empty(), DatabaseFaults.kind(new RollbackException("marked for rollback")));
        assertEquals(500, mappers.unexpected(new RuntimeException(new SQLException("syntax", "42601")), null).getStatus());
    }

    @Test
    void aProblem503CarriesRetryAfter() {
        Response r = mappers.application(DatabaseFaults.problem(DatabaseFaults.COMMIT_UNKNOWN), null);
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
    }
}
