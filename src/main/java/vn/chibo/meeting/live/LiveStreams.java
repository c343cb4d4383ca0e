package vn.chibo.meeting.live;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node, by meeting. Each event is written to each stream on a virtual
 * thread of its own, so that a slow client delays no other stream. A stream leaves the registry when it
 * completes, fails or times out. On shutdown the streams end before the web server stops, because
 * its graceful shutdown would otherwise wait for them until its timeout.
 */
@Component
class LiveStreams implements SmartLifecycle {

    /** How long a browser waits before it reconnects a stream that ended, sent as the SSE {@code retry} field. */
    static final long RECONNECT_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final Map<Long, Set<SseEmitter>> byMeeting = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final LiveProperties properties;
    private volatile boolean running;

    LiveStreams(LiveProperties properties) {
        this.properties = properties;
    }

    /** Opens a stream for a meeting and registers it, so that it receives every event delivered from now on. */
    SseEmitter open(long meetingId) {
        var emitter = new SseEmitter(properties.streamTimeout().toMillis());
        byMeeting.compute(meetingId, (id, streams) -> {
            Set<SseEmitter> registered = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            registered.add(emitter);
            return registered;
        });
        emitter.onCompletion(() -> remove(meetingId, emitter));
        emitter.onError(failure -> remove(meetingId, emitter));
        // Ending the response on time lets the browser reconnect by itself, with Last-Event-ID.
        emitter.onTimeout(emitter::complete);
        write(emitter, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
        return emitter;
    }

    /** Sends events to one stream, such as those a reconnecting page missed. */
    void send(SseEmitter emitter, List<LiveEvent> events) {
        for (LiveEvent event : events) {
            write(emitter, eventOf(event));
        }
    }

    /** Sends an event to every stream of its meeting on this node. */
    void deliver(LiveEvent event) {
        Set<SseEmitter> streams = byMeeting.get(event.meetingId());
        if (streams == null) {
            return;
        }
        for (SseEmitter emitter : streams) {
            senders.execute(() -> write(emitter, eventOf(event)));
        }
    }

    /** Sends a comment line to every idle stream, so that proxies keep the connections open. */
    @Scheduled(fixedDelayString = "${chibo.live.heartbeat:20s}", initialDelayString = "${chibo.live.heartbeat:20s}")
    void heartbeat() {
        for (Set<SseEmitter> streams : byMeeting.values()) {
            for (SseEmitter emitter : streams) {
                senders.execute(() -> write(emitter, SseEmitter.event().comment("heartbeat")));
            }
        }
    }

    /** Returns the number of streams open on this node for the meeting. */
    int openCount(long meetingId) {
        Set<SseEmitter> streams = byMeeting.get(meetingId);
        return streams == null ? 0 : streams.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; browsers then reconnect, to another node if a load balancer sends them there. */
    @Override
    public void stop() {
        running = false;
        int open = byMeeting.values().stream().mapToInt(Set::size).sum();
        byMeeting.values().forEach(streams -> streams.forEach(SseEmitter::complete));
        byMeeting.clear();
        log.info("Live streams ended on shutdown: {}", open);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void stopSenders() {
        senders.shutdown();
    }

    /** Returns the SSE event: named after the part, with the part's name in lower case as its only data. */
    private static SseEmitter.SseEventBuilder eventOf(LiveEvent event) {
        return SseEmitter.event()
                .id(Long.toString(event.id()))
                .name(event.part().name())
                .data(event.part().name().toLowerCase(Locale.ROOT));
    }

    private static void write(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        }
        catch (IOException | IllegalStateException gone) {
            // The client went away or the stream already ended; completing removes it from the registry.
            log.debug("Live stream closed while sending: {}", gone.toString());
            emitter.completeWithError(gone);
        }
    }

    private void remove(long meetingId, SseEmitter emitter) {
        byMeeting.computeIfPresent(meetingId, (id, streams) -> {
            streams.remove(emitter);
            return streams.isEmpty() ? null : streams;
        });
    }
}
