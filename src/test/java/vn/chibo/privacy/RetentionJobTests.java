package vn.chibo.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.chibo.account.Actor;
import vn.chibo.account.Role;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.MemberId;
import vn.chibo.member.MembershipStatus;
import vn.chibo.system.JdbcTime;
import vn.chibo.testing.Fixtures;
import vn.chibo.testing.SqlTest;
import vn.chibo.testing.VillageMeetings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on a real database: what is past its period goes, what is within it stays, and
 * the lease lets one run per interval through.
 */
@SqlTest
class RetentionJobTests {

    @Autowired
    RetentionJob job;

    @Autowired
    Fixtures fixtures;

    @Autowired
    VillageMeetings villages;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oldRowsDeletedRecentKept() {
        VillageMeetings.Village village = villages.publishedMeeting();
        Instant now = Instant.now();
        long account = village.secretary().accountId().value();
        long oldNotification = notification(account, village.meeting().value(), now.minus(Duration.ofDays(400)));
        long recentNotification = notification(account, village.meeting().value(), now.minus(Duration.ofDays(10)));
        jdbc.sql("insert into notification_email (notification_id, status, next_attempt_at) values (:id, 'SENT', :at)")
                .param("id", oldNotification).param("at", JdbcTime.param(now)).update();
        failure("address:old-" + now.toEpochMilli(), now.minus(Duration.ofDays(100)));
        failure("address:recent-" + now.toEpochMilli(), now.minus(Duration.ofDays(1)));
        token(account, "old-" + now.toEpochMilli(), now.minus(Duration.ofDays(95)));
        token(account, "valid-" + now.toEpochMilli(), now.plus(Duration.ofDays(20)));
        Instant runAt = laterThanAnyLease(now);

        Map<String, Integer> deleted = job.runOnce(runAt);

        assertThat(deleted).containsKeys("notification", "sign-in records");
        assertThat(exists("notification", oldNotification)).isFalse();
        assertThat(exists("notification", recentNotification)).isTrue();
        assertThat(jdbc.sql("select count(*) from notification_email where notification_id = :id")
                .param("id", oldNotification).query(Long.class).single()).isZero();
        assertThat(count("sign_in_failure", "subject", "address:old-" + now.toEpochMilli())).isZero();
        assertThat(count("sign_in_failure", "subject", "address:recent-" + now.toEpochMilli())).isOne();
        assertThat(count("api_token", "token_hash", "old-" + now.toEpochMilli())).isZero();
        assertThat(count("api_token", "token_hash", "valid-" + now.toEpochMilli())).isOne();
    }

    @Test
    void leaseAllowsOneRunPerInterval() {
        Instant first = laterThanAnyLease(Instant.now()).plus(Duration.ofDays(30));

        assertThat(job.runOnce(first)).isNotNull();
        assertThat(job.runOnce(first.plus(Duration.ofHours(1)))).isNull();
        assertThat(job.runOnce(first.plus(Duration.ofHours(6)))).isNotNull();
        assertThat(jdbc.sql("select locked_by from scheduled_job_lock where name = :name")
                .param("name", RetentionJob.JOB).query(String.class).single()).isNotBlank();
    }

    @Test
    void memberDataUntouched() {
        Fixtures.Commune commune = fixtures.commune();
        MemberId member = fixtures.member(commune.cell(), "Vương Văn Giữ", MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE);
        Actor account = fixtures.account(commune.cell(), member, Role.MEMBER);

        job.runOnce(laterThanAnyLease(Instant.now()).plus(Duration.ofDays(60)));

        assertThat(count("member", "id", member.value())).isOne();
        assertThat(count("account", "id", account.accountId().value())).isOne();
    }

    /** Returns an instant past the current lease, so that a run in this shared database is not skipped. */
    private Instant laterThanAnyLease(Instant now) {
        Instant lease = jdbc.sql(
                "select locked_until from scheduled_job_lock where name = :name")
                .param("name", RetentionJob.JOB)
                .query((row, number) -> JdbcTime.instant(row, "locked_until"))
                .single();
        return lease.isAfter(now) ? lease.plusSeconds(1) : now;
    }

    private long notification(long account, long meeting, Instant createdAt) {
        jdbc.sql("""
                insert into notification (account_id, meeting_id, kind, revision, created_at)
                values (:account, :meeting, 'CHANGED', :revision, :createdAt)
                """)
                .param("account", account).param("meeting", meeting)
                .param("revision", (int) (createdAt.getEpochSecond() % 1_000_000))
                .param("createdAt", JdbcTime.param(createdAt))
                .update();
        return jdbc.sql("select max(id) from notification where account_id = :account")
                .param("account", account).query(Long.class).single();
    }

    private void failure(String subject, Instant last) {
        jdbc.sql("insert into sign_in_failure (subject, failures, last_failure_at) values (:subject, 1, :last)")
                .param("subject", subject).param("last", JdbcTime.param(last)).update();
    }

    private void token(long account, String hash, Instant expiresAt) {
        jdbc.sql("""
                insert into api_token (account_id, token_hash, issued_at, expires_at)
                values (:account, :hash, :issued, :expires)
                """)
                .param("account", account).param("hash", hash)
                .param("issued", JdbcTime.param(expiresAt.minus(Duration.ofDays(30))))
                .param("expires", JdbcTime.param(expiresAt))
                .update();
    }

    private boolean exists(String table, long id) {
        return count(table, "id", id) > 0;
    }

    private long count(String table, String column, Object value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :value")
                .param("value", value).query(Long.class).single();
    }
}
