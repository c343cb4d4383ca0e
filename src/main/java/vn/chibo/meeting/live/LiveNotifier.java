package vn.chibo.meeting.live;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends committed live events to every node as PostgreSQL notifications on {@value #CHANNEL}, many
 * events to one notification, from one thread of its own.
 *
 * <p>Why not {@code pg_notify} inside the transaction that made the change: PostgreSQL lets one
 * notifying transaction at a time commit, holding a lock for the whole server until its commit
 * record is on disk. Every check-in and ballot notifies, so they all queued on that lock. pgbench on
 * the build machine ran a one-row insert at about 10,000 transactions per second, and 3,800 with a
 * notification in the same transaction (docs/benchmarks.md). Here the business transactions send
 * no notification. This thread sends, in one short transaction each, the events that committed while
 * it sent the last batch.
 *
 * <p>Events wait in a bounded queue. While PostgreSQL is down the thread retries every
 * {@link LiveProperties#reconnectDelay()}; when the queue is full, further events reach the pages of
 * other nodes only when those pages reconnect and catch up from {@code live_event}. Events that a
 * node committed but had not sent when it was killed are caught up in the same way.
 */
@Component
class LiveNotifier implements SmartLifecycle {

    /** The channel, whose payload is a comma-separated list of {@link LiveEvent#payload()}. */
    static final String CHANNEL = "chibo_live_batch";

    /**
     * The longest payload, below PostgreSQL's limit of 8,000 bytes. Payloads are ASCII (digits, colons,
     * commas and part names), so their length in characters is their length in bytes.
     */
    static final int MAX_PAYLOAD_BYTES = 7_000;

    private static final int QUEUE_CAPACITY = 100_000;
    private static final int MAX_BATCH = 2_000;
    private static final int POLL_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(LiveNotifier.class);

    private final JdbcClient jdbc;
    private final LiveProperties properties;
    private final boolean postgres;
    private final BlockingQueue<LiveEvent> pending = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong notificationsSent = new AtomicLong();
    private final AtomicLong eventsDropped = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    LiveNotifier(JdbcClient jdbc, LiveProperties properties, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.properties = properties;
        this.postgres = LiveFanOut.isPostgres(dataSource);
    }

    /** Queues a committed event for the next notification. */
    void send(LiveEvent event) {
        if (pending.offer(event)) {
            return;
        }
        if (eventsDropped.getAndIncrement() == 0) {
            log.warn("Live notifier queue is full ({} events); event {} and later ones reach other pages "
                    + "only when they reconnect", QUEUE_CAPACITY, event.id());
        }
    }

    /** Splits events into payloads of at most {@value #MAX_PAYLOAD_BYTES} bytes, in their order. */
    static List<String> payloads(List<LiveEvent> events) {
        List<String> payloads = new ArrayList<>();
        var payload = new StringBuilder();
        for (LiveEvent event : events) {
            String one = event.payload();
            if (!payload.isEmpty() && payload.length() + 1 + one.length() > MAX_PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (!payload.isEmpty()) {
                payload.append(',');
            }
            payload.append(one);
        }
        if (!payload.isEmpty()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** Reads a payload written by {@link #payloads(List)}. */
    static List<LiveEvent> parse(String payload) {
        List<LiveEvent> events = new ArrayList<>();
        for (String one : payload.split(",")) {
            events.add(LiveEvent.parse(one));
        }
        return events;
    }

    /** Returns how many notifications this node has sent, for tests that check the batching. */
    long notificationsSent() {
        return notificationsSent.get();
    }

    @Override
    public void start() {
        if (!postgres) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("live-notifier").daemon().start(this::sendUntilStopped);
        log.info("Live notifier sending on PostgreSQL channel {}", CHANNEL);
    }

    @Override
    public void stop() {
        if (thread == null) {
            return;
        }
        // No interrupt: the thread notices the flag within one poll, and then sends what is left on a
        // connection from the pool, which an interrupted thread might not get.
        running = false;
        try {
            thread.join(POLL_MILLIS * 4L);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        log.info("Live notifier stopped with {} events unsent", pending.size());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server (Spring Boot stops it at {@code DEFAULT_PHASE - 2048}, after the
     * graceful shutdown), so that the events of the last requests still go out to the other nodes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void sendUntilStopped() {
        while (running) {
            List<LiveEvent> batch;
            try {
                batch = nextBatch();
            }
            catch (InterruptedException interrupted) {
                break;
            }
            if (!batch.isEmpty()) {
                sendWithRetries(batch);
            }
        }
        // Events that committed just before the stop still go out once.
        List<LiveEvent> rest = new ArrayList<>();
        pending.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                notify(rest);
            }
            catch (DataAccessException failure) {
                log.warn("Live notifier could not send its last {} events at stop: {}", rest.size(),
                        failure.toString());
            }
        }
    }

    private List<LiveEvent> nextBatch() throws InterruptedException {
        List<LiveEvent> batch = new ArrayList<>();
        LiveEvent first = pending.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        pending.drainTo(batch, MAX_BATCH - 1);
        return batch;
    }

    private void sendWithRetries(List<LiveEvent> batch) {
        int attempt = 1;
        while (true) {
            try {
                notify(batch);
                break;
            }
            catch (DataAccessException failure) {
                if (!running) {
                    log.warn("Live notifier stopped before it could send {} events: {}", batch.size(),
                            failure.toString());
                    return;
                }
                log.warn("Live notifier could not send {} events (attempt {}), retrying in {}: {}", batch.size(),
                        attempt, properties.reconnectDelay(), failure.toString());
            }
            attempt++;
            try {
                Thread.sleep(properties.reconnectDelay());
            }
            catch (InterruptedException interrupted) {
                running = false;
                return;
            }
        }
        if (attempt > 1) {
            log.info("Live notifier sent {} events after {} attempts", batch.size(), attempt);
        }
        long dropped = eventsDropped.getAndSet(0);
        if (dropped > 0) {
            log.warn("Live notifier dropped {} events while its queue was full", dropped);
        }
    }

    /**
     * Sends the events, each payload in a transaction of its own. When a later payload fails, a retry
     * sends the earlier ones again; a page that hears of a change twice only reads the part twice.
     */
    private void notify(List<LiveEvent> batch) {
        for (String payload : payloads(batch)) {
            jdbc.sql("select pg_notify(:channel, :payload)")
                    .param("channel", CHANNEL)
                    .param("payload", payload)
                    .query(Object.class)
                    .optional();
            notificationsSent.incrementAndGet();
        }
    }
}
