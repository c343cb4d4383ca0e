package vn.chibo.system;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobErrorsTests {

    @Test
    void outageLogsOneLine(CapturedOutput output) {
        ScheduledJobErrors.log(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("chibo - Connection is not available, request timed out after 3000ms")));

        assertThat(output.getOut()).contains("WARN", "could not reach the database",
                "SQLTransientConnectionException: chibo - Connection is not available");
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void otherFailureLogsStackTrace(CapturedOutput output) {
        ScheduledJobErrors.log(new IllegalStateException("A backup folder is missing"));

        assertThat(output.getOut()).contains("ERROR", "A scheduled job on thread", "failed",
                "java.lang.IllegalStateException: A backup folder is missing", "\tat ");
    }
}
