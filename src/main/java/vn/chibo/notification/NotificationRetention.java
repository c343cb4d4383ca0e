package vn.chibo.notification;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.system.JdbcTime;
import vn.chibo.system.RetainedData;

/** Deletes notifications, with their e-mail rows, created before the retention cutoff. */
@Component
class NotificationRetention implements RetainedData {

    private final JdbcClient jdbc;

    NotificationRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Kind kind() {
        return Kind.NOTIFICATIONS;
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    @Transactional
    public int deleteBefore(Instant cutoff) {
        jdbc.sql("""
                delete from notification_email
                where notification_id in (select id from notification where created_at < :cutoff)
                """)
                .param("cutoff", JdbcTime.param(cutoff))
                .update();
        return jdbc.sql("delete from notification where created_at < :cutoff")
                .param("cutoff", JdbcTime.param(cutoff))
                .update();
    }
}
