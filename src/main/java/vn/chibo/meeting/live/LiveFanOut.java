package vn.chibo.meeting.live;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chibo.meeting.MeetingRoomChanged;

/**
 * Stores every {@link MeetingRoomChanged} in {@code live_event} within the transaction that published
 * it, and passes it on to the open streams once that transaction commits. On PostgreSQL the event goes
 * out as a notification on {@value #CHANNEL}, which PostgreSQL delivers to the listeners of every node
 * only when the transaction commits and drops when it rolls back; {@link PostgresListener} hands it to
 * the streams of its node. On H2, which serves one node only, the streams get it in-process after commit.
 */
@Component
class LiveFanOut {

    static final String CHANNEL = "chibo_live";

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final LiveEventLog eventLog;
    private final LiveStreams streams;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;

    LiveFanOut(LiveEventLog eventLog, LiveStreams streams, JdbcClient jdbc, Clock clock, DataSource dataSource)
            throws SQLException {
        this.eventLog = eventLog;
        this.streams = streams;
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    @EventListener
    void on(MeetingRoomChanged change) {
        LiveEvent event = eventLog.append(change, clock.instant());
        if (postgres) {
            jdbc.sql("select pg_notify(:channel, :payload)")
                    .param("channel", CHANNEL)
                    .param("payload", event.payload())
                    .query(Object.class)
                    .optional();
        }
        else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    streams.deliver(event);
                }
            });
        }
        else {
            streams.deliver(event);
        }
        log.debug("Live event {} stored: meeting {} part {}", event.id(), event.meetingId(), event.part());
    }
}
