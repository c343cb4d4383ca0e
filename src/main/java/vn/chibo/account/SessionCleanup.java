package vn.chibo.account;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions from the database once a minute, on the application's scheduler.
 *
 * <p>Spring Session's own cleanup is switched off in application.yml
 * ({@code spring.session.jdbc.cleanup-cron}). It runs on a scheduler of its own, whose error handler
 * logs a stack trace on every run while the database is down. On the application's scheduler a
 * failed run is one warning ({@code ScheduledJobErrors}). Every node runs it, as Spring Session would,
 * and a second node finds nothing left to delete.
 */
@Component
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "0 * * * * *")
    void deleteExpired() {
        sessions.cleanUpExpiredSessions();
    }
}
