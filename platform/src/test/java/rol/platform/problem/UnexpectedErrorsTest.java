package rol.platform.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What is not a fault of the service is not answered as one (500). */
class UnexpectedErrorsTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void noFreeDatabaseConnectionIsOverloadAnswered503WithRetryAfter() {
        Exception e = new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        Response r = mappers.unexpected(e, null);
        assertEquals(503, r.getStatus());
        assertEquals("2", r.getHeaderString("Retry-After"));
        Problem p = (Problem) r.getEntity();
        assertEquals(Messages.text("http-503.title"), p.title());
    }

    @Test
    void aCallerThatHungUpIsNotAnInternalError() {
        Response r = mappers.unexpected(new IOException(new ClosedChannelException()), null);
        assertEquals(400, r.getStatus());
    }

    /** SQLSTATE class 22 (data exception): PostgreSQL refused a value, e.g. a NUL byte or a number out of range. */
    @Test
    void aValueTheDatabaseRefusedIs400AndNamesNoInsides() {
        Exception e = new IllegalStateException("writing the task's trail failed",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        Response r = mappers.unexpected(e, null);
        assertEquals(400, r.getStatus());
        Problem p = (Problem) r.getEntity();
        assertEquals(Problems.TYPE_PREFIX + "data-refused", p.type());
        assertEquals(Messages.text("data-refused.title"), p.title());
        assertFalse(p.detail().contains("UTF8"));
    }

    @Test
    void anotherDatabaseErrorStays500() {
        Response r = mappers.unexpected(new SQLException("ERROR: relation does not exist", "42P01"), null);
        assertEquals(500, r.getStatus());
    }

    @Test
    void anythingElseStays500WithAnErrorId() {
        Response r = mappers.unexpected(new IllegalStateException("bug"), null);
        assertEquals(500, r.getStatus());
        assertEquals(8, ((String) ((Problem) r.getEntity()).extensions().get("errorId")).length());
    }
}
