package vn.chibo.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognizes the failures that mean the database cannot be reached at all, as opposed to a query
 * that failed. Such a request gets 503 with {@code Retry-After} instead of a 500, because a retry
 * succeeds once the database is back.
 */
public final class DatabaseUnavailable {

    /** How long a client should wait before it tries again, sent as {@code Retry-After}. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private DatabaseUnavailable() {
    }

    /**
     * Returns whether the failure, or any of its causes, means that no database connection could be
     * had or that the connection broke: Spring's resource failures (which include
     * {@code CannotGetJdbcConnectionException}), a transaction that could not begin, a pool that timed
     * out ({@link SQLTransientConnectionException} from HikariCP), and SQL states of class 08
     * (connection exception) or 57P01 to 57P03 (PostgreSQL shutting down, starting up or stopped by an
     * administrator). A rollback that failed after such a failure hides it as the application
     * exception of a {@link TransactionSystemException}, whose own cause is only "Connection is closed".
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollbackFailed
                    && rollbackFailed.getApplicationException() != null
                    && isCause(rollbackFailed.getApplicationException())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
