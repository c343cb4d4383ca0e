package vn.chibo.meeting.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingRoomChanged;

/**
 * Listens on PostgreSQL's channel {@value LiveNotifier#CHANNEL} through a connection of its own, outside
 * the pool, and hands the events of each notification to the streams of this node. A lost connection is opened again
 * after {@link LiveProperties#reconnectDelay()}, each attempt logged; once it is back, the events
 * stored meanwhile are delivered from {@code live_event}, so that no open page misses a change. On H2
 * it does nothing.
 */
@Component
class PostgresListener implements SmartLifecycle {

    /** How long one wait for notifications blocks, so that a stop is noticed within this time. */
    private static final int POLL_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

    private final DataSourceProperties connectionSettings;
    private final DataSource dataSource;
    private final LiveStreams streams;
    private final JdbcClient jdbc;
    private final LiveProperties properties;
    private volatile boolean running;
    private volatile long lastDelivered;
    private Thread thread;

    PostgresListener(DataSourceProperties connectionSettings, DataSource dataSource, LiveStreams streams,
            JdbcClient jdbc, LiveProperties properties) {
        this.connectionSettings = connectionSettings;
        this.dataSource = dataSource;
        this.streams = streams;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void start() {
        try {
            if (!LiveFanOut.isPostgres(dataSource)) {
                return;
            }
        }
        catch (SQLException failure) {
            throw new IllegalStateException("Could not tell which database the live channel uses", failure);
        }
        lastDelivered = latestStoredId();
        running = true;
        thread = Thread.ofPlatform().name("live-listener").daemon().start(this::listenUntilStopped);
        log.info("Live channel listening on PostgreSQL channel {} from event {}", LiveNotifier.CHANNEL, lastDelivered);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(POLL_MILLIS * 4L);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            log.info("Live channel stopped listening");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        int attempt = 0;
        while (running) {
            try (Connection connection = DriverManager.getConnection(connectionSettings.determineUrl(),
                    connectionSettings.determineUsername(), connectionSettings.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + LiveNotifier.CHANNEL);
                }
                if (attempt > 0) {
                    log.info("Live channel listening again after {} failed attempts", attempt);
                    catchUp();
                }
                attempt = 0;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            LiveNotifier.parse(notification.getParameter()).forEach(this::deliver);
                        }
                    }
                }
            }
            catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                attempt++;
                log.warn("Live channel lost its PostgreSQL connection (attempt {}), retrying in {}", attempt,
                        properties.reconnectDelay(), failure);
                try {
                    Thread.sleep(properties.reconnectDelay());
                }
                catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void deliver(LiveEvent event) {
        lastDelivered = Math.max(lastDelivered, event.id());
        streams.deliver(event);
    }

    /** Delivers the events stored while the listening connection was down. */
    private void catchUp() {
        var missed = jdbc.sql("select id, meeting_id, part from live_event where id > :last order by id")
                .param("last", lastDelivered)
                .query((row, number) -> new LiveEvent(row.getLong("id"), row.getLong("meeting_id"),
                        MeetingRoomChanged.Part.valueOf(row.getString("part"))))
                .list();
        missed.forEach(this::deliver);
        log.info("Live channel delivered {} events stored while it was not listening", missed.size());
    }

    private long latestStoredId() {
        return jdbc.sql("select coalesce(max(id), 0) from live_event").query(Long.class).single();
    }
}
