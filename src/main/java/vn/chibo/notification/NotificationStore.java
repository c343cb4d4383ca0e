package vn.chibo.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.account.AccountId;
import vn.chibo.meeting.MeetingChange;
import vn.chibo.meeting.MeetingId;
import vn.chibo.system.JdbcTime;

/** The notifications table: inserts that the unique key limits to one per notice and recipient, reads and read marks. */
@Component
class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the notice for the account unless it has it already.
     *
     * @return the new notification's id, or empty when the account had this notice already
     */
    Optional<NotificationId> insertOnce(AccountId account, MeetingId meeting, NotificationKind kind, int revision,
            Set<MeetingChange> changes, Instant now) {
        int inserted = jdbc.sql("""
                insert into notification (account_id, meeting_id, kind, revision, changes, created_at)
                values (:account, :meeting, :kind, :revision, :changes, :now)
                on conflict do nothing
                """)
                .param("account", account.value())
                .param("meeting", meeting.value())
                .param("kind", kind.name())
                .param("revision", revision)
                .param("changes", changes.isEmpty() ? null : codes(changes))
                .param("now", JdbcTime.param(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from notification
                where meeting_id = :meeting and kind = :kind and revision = :revision and account_id = :account
                """)
                .param("meeting", meeting.value())
                .param("kind", kind.name())
                .param("revision", revision)
                .param("account", account.value())
                .query((row, number) -> NotificationId.of(row.getLong("id")))
                .optional();
    }

    /**
     * Inserts the notice about a correction request for the account unless it has it already.
     *
     * @return whether the notice was new
     */
    boolean insertCorrectionOnce(AccountId account, long correctionId, NotificationKind kind, Instant now) {
        return jdbc.sql("""
                insert into notification (account_id, correction_id, kind, revision, created_at)
                values (:account, :correction, :kind, 0, :now)
                on conflict do nothing
                """)
                .param("account", account.value())
                .param("correction", correctionId)
                .param("kind", kind.name())
                .param("now", JdbcTime.param(now))
                .update() > 0;
    }

    /** Returns the account's notifications, the newest first. */
    List<Notification> ofAccount(AccountId account, int limit) {
        return jdbc.sql(SELECT + " where account_id = :account order by created_at desc, id desc limit :limit")
                .param("account", account.value())
                .param("limit", limit)
                .query(NotificationStore::map)
                .list();
    }

    Optional<Notification> find(NotificationId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(NotificationStore::map).optional();
    }

    /** Counts the account's unread notifications through the index on (account_id, read_at). */
    int unreadCount(AccountId account) {
        return jdbc.sql("select count(*) from notification where account_id = :account and read_at is null")
                .param("account", account.value())
                .query(Integer.class)
                .single();
    }

    /** Marks one notification of the account read; returns false when the account has no such notification. */
    boolean markRead(AccountId account, NotificationId id, Instant now) {
        int found = jdbc.sql("""
                update notification set read_at = coalesce(read_at, :now) where id = :id and account_id = :account
                """)
                .param("now", JdbcTime.param(now))
                .param("id", id.value())
                .param("account", account.value())
                .update();
        return found > 0;
    }

    /** Marks every unread notification of the account read and returns how many there were. */
    int markAllRead(AccountId account, Instant now) {
        return jdbc.sql("update notification set read_at = :now where account_id = :account and read_at is null")
                .param("now", JdbcTime.param(now))
                .param("account", account.value())
                .update();
    }

    private static String codes(Set<MeetingChange> changes) {
        return changes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static final String SELECT = """
            select id, account_id, meeting_id, correction_id, kind, changes, created_at, read_at from notification
            """;

    private static Notification map(ResultSet row, int number) throws SQLException {
        String changes = row.getString("changes");
        Set<MeetingChange> parsed = EnumSet.noneOf(MeetingChange.class);
        if (changes != null) {
            Arrays.stream(changes.split(",")).map(MeetingChange::valueOf).forEach(parsed::add);
        }
        long meeting = row.getLong("meeting_id");
        MeetingId meetingId = row.wasNull() ? null : MeetingId.of(meeting);
        long correction = row.getLong("correction_id");
        Long correctionId = row.wasNull() ? null : correction;
        return new Notification(NotificationId.of(row.getLong("id")), AccountId.of(row.getLong("account_id")),
                meetingId, correctionId, NotificationKind.valueOf(row.getString("kind")), parsed,
                JdbcTime.instant(row, "created_at"), JdbcTime.instant(row, "read_at"));
    }
}
