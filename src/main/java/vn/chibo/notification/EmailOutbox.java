package vn.chibo.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.system.JdbcTime;

/**
 * The e-mail channel's record per notification: queued once, claimed by one node at a time, and marked
 * sent or failed. A claim older than {@link #STALE_CLAIM} is taken to belong to a node that stopped
 * while sending, and the e-mail is tried again.
 */
@Component
class EmailOutbox {

    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the notification's e-mail, unless it was queued before. */
    void queue(NotificationId notification, Instant now) {
        jdbc.sql("""
                insert into notification_email (notification_id, status, attempts, next_attempt_at)
                values (:id, 'PENDING', 0, :now)
                on conflict do nothing
                """)
                .param("id", notification.value())
                .param("now", JdbcTime.param(now))
                .update();
    }

    /** Returns the notifications whose e-mail is due now, the oldest first. */
    List<NotificationId> due(Instant now, int limit) {
        return jdbc.sql("""
                select notification_id from notification_email
                where status = 'PENDING' and next_attempt_at <= :now
                   or status = 'SENDING' and claimed_at < :stale
                order by next_attempt_at, notification_id limit :limit
                """)
                .param("now", JdbcTime.param(now))
                .param("stale", JdbcTime.param(now.minus(STALE_CLAIM)))
                .param("limit", limit)
                .query((row, number) -> NotificationId.of(row.getLong("notification_id")))
                .list();
    }

    /**
     * Claims the e-mail for this node and counts the attempt.
     *
     * @return the attempt's number, or 0 when another node claimed or sent it meanwhile
     */
    int claim(NotificationId notification, Instant now) {
        int claimed = jdbc.sql("""
                update notification_email set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
                where notification_id = :id
                  and (status = 'PENDING' and next_attempt_at <= :now or status = 'SENDING' and claimed_at < :stale)
                """)
                .param("now", JdbcTime.param(now))
                .param("stale", JdbcTime.param(now.minus(STALE_CLAIM)))
                .param("id", notification.value())
                .update();
        if (claimed == 0) {
            return 0;
        }
        return jdbc.sql("select attempts from notification_email where notification_id = :id")
                .param("id", notification.value())
                .query(Integer.class)
                .single();
    }

    void markSent(NotificationId notification, Instant now) {
        jdbc.sql("update notification_email set status = 'SENT', sent_at = :now where notification_id = :id")
                .param("now", JdbcTime.param(now))
                .param("id", notification.value())
                .update();
    }

    /** Puts the e-mail back in the queue for another attempt at the given time. */
    void retryAt(NotificationId notification, Instant next) {
        jdbc.sql("""
                update notification_email set status = 'PENDING', next_attempt_at = :next, claimed_at = null
                where notification_id = :id
                """)
                .param("next", JdbcTime.param(next))
                .param("id", notification.value())
                .update();
    }

    /** Gives the e-mail up for good. */
    void markFailed(NotificationId notification) {
        jdbc.sql("update notification_email set status = 'FAILED' where notification_id = :id")
                .param("id", notification.value())
                .update();
    }
}
