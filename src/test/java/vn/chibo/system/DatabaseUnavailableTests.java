package vn.chibo.system;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures that count as an unreachable database, and so get 503 instead of 500. */
class DatabaseUnavailableTests {

    static Stream<Arguments> failures() {
        var connectionRefused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        var poolTimedOut = new SQLTransientConnectionException("Connection is not available, request timed out");
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("I/O error", connectionRefused));
        var rollbackFailedOnBug = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailedOnBug.initApplicationException(new IllegalStateException("a bug"));
        return Stream.of(
                Arguments.of("pool timed out", new CannotCreateTransactionException("no connection", poolTimedOut), true),
                Arguments.of("no JDBC connection", new CannotGetJdbcConnectionException("no connection", connectionRefused), true),
                Arguments.of("connection state 08006", new UncategorizedSQLException("query", "select 1",
                        new SQLException("I/O error", "08006")), true),
                Arguments.of("administrator shutdown 57P01", new UncategorizedSQLException("query", "select 1",
                        new SQLException("terminating connection", "57P01")), true),
                Arguments.of("wrapped in a servlet failure", new RuntimeException(new IOException(
                        new DataAccessResourceFailureException("I/O error"))), true),
                Arguments.of("rollback failed after an outage", rollbackFailed, true),
                Arguments.of("rollback failed after a bug", rollbackFailedOnBug, false),
                Arguments.of("unique key violated", new DataIntegrityViolationException("duplicate key",
                        new SQLException("duplicate key", "23505")), false),
                Arguments.of("syntax error", new UncategorizedSQLException("query", "selec 1",
                        new SQLException("syntax error", "42601")), false),
                Arguments.of("plain bug", new IllegalStateException("a bug"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void recognizesUnreachableDatabase(String name, Throwable failure, boolean unavailable) {
        assertThat(DatabaseUnavailable.isCause(failure)).isEqualTo(unavailable);
    }
}
