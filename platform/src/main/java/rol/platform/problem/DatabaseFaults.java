package rol.platform.problem;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a database outage from a bug, so that a clerk whose request met a stopped or restarting PostgreSQL is
 * answered 503 with {@code Retry-After} instead of 500. Plain Java: the exception chain is read by SQLState and by
 * class name, without a framework type.
 */
public final class DatabaseFaults {

    /** The problem kind when the database could not be reached: nothing was changed. */
    public static final String UNAVAILABLE = "database-unavailable";
    /** The problem kind when the connection broke while committing: the change may or may not be stored. */
    public static final String COMMIT_UNKNOWN = "commit-unknown";
    /** Seconds a client should wait before retrying: PostgreSQL restarts and recovers in a few seconds here. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final String[] COMMIT_FAILURES = {
        "jakarta.transaction.RollbackException", "jakarta.transaction.HeuristicMixedException",
        "jakarta.transaction.HeuristicRollbackException", "javax.transaction.xa.XAException"};

    private DatabaseFaults() {
    }

    /**
     * The problem kind for an exception caused by the database being out of reach, or empty for anything else.
     * A connection failure met while the transaction was being committed is {@link #COMMIT_UNKNOWN}.
     */
    public static Optional<String> kind(Throwable e) {
        boolean connection = false;
        boolean commit = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            connection |= isConnectionFailure(t);
            commit |= isCommitFailure(t);
        }
        if (!connection) {
            return Optional.empty();
        }
        return Optional.of(commit ? COMMIT_UNKNOWN : UNAVAILABLE);
    }

    /**
     * SQLState class 08 (connection exception), 57P01–57P03 (the server is shutting down, crashed or still starting),
     * or a pool that could not open a connection at all.
     */
    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(sql.getMessage());
            return message.contains("Connection refused") || message.contains("This connection has been closed");
        }
        return t instanceof java.net.ConnectException;
    }

    private static boolean isCommitFailure(Throwable t) {
        for (String name : COMMIT_FAILURES) {
            if (t.getClass().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The 503 answer for a kind of {@link #kind}. */
    public static ProblemException problem(String kind) {
        return ProblemException.of(503, kind);
    }
}
