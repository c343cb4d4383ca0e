package vn.chibo.meeting.live;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.chibo.meeting.MeetingRoomChanged;

/**
 * Stores every {@link MeetingRoomChanged} in {@code live_event} within the transaction that published
 * it, and passes it on once that transaction commits; an event of a transaction that rolls back goes
 * nowhere. On PostgreSQL {@link LiveNotifier} sends it to the listeners of every node, and
 * {@link PostgresListener} hands it to the streams of its node. On H2, which serves one node only, the
 * streams get it in-process.
 */
@Component
class LiveFanOut {

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final LiveEventLog eventLog;
    private final LiveStreams streams;
    private final LiveNotifier notifier;
    private final Clock clock;
    private final boolean postgres;

    LiveFanOut(LiveEventLog eventLog, LiveStreams streams, LiveNotifier notifier, Clock clock,
            DataSource dataSource) throws SQLException {
        this.eventLog = eventLog;
        this.streams = streams;
        this.notifier = notifier;
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
        Runnable fanOut = postgres ? () -> notifier.send(event) : () -> streams.deliver(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOut.run();
                }
            });
        }
        else {
            fanOut.run();
        }
        log.debug("Live event {} stored: meeting {} part {}", event.id(), event.meetingId(), event.part());
    }
}
