package vn.chibo.account;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.system.JdbcTime;
import vn.chibo.system.RetainedData;

/**
 * Deletes sign-in records past the retention cutoff: failed sign-in counters whose last failure and
 * block ended before it, API tokens that expired before it, and sessions that expired before it.
 * Spring Session and token issuing delete expired rows too; this job makes sure nothing outlives
 * the period when nobody signs in.
 */
@Component
class SignInRecordRetention implements RetainedData {

    private final JdbcClient jdbc;

    SignInRecordRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Kind kind() {
        return Kind.SIGN_IN_RECORDS;
    }

    @Override
    public String name() {
        return "sign-in records";
    }

    @Override
    @Transactional
    public int deleteBefore(Instant cutoff) {
        int failures = jdbc.sql("""
                delete from sign_in_failure
                where last_failure_at < :cutoff and (blocked_until is null or blocked_until < :cutoff)
                """)
                .param("cutoff", JdbcTime.param(cutoff))
                .update();
        int tokens = jdbc.sql("delete from api_token where expires_at < :cutoff")
                .param("cutoff", JdbcTime.param(cutoff))
                .update();
        // Session attributes go with their session (on delete cascade); Spring Session keeps epoch milliseconds.
        int sessions = jdbc.sql("delete from spring_session where expiry_time < :cutoff")
                .param("cutoff", cutoff.toEpochMilli())
                .update();
        return failures + tokens + sessions;
    }
}
