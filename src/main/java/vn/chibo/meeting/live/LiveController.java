package vn.chibo.meeting.live;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/**
 * The event stream of one meeting's pages ({@code text/event-stream}). Anyone who may see the meeting's
 * page may open it. For anyone else the meeting does not exist (404). Each event is named after the
 * part of the room that changed and carries nothing else, so the page fetches that part again.
 */
@Controller
class LiveController {

    private static final Logger log = LoggerFactory.getLogger(LiveController.class);

    private final Meetings meetings;
    private final LiveStreams streams;
    private final LiveEventLog eventLog;
    private final LiveWindow window;
    private final Clock clock;

    LiveController(Meetings meetings, LiveStreams streams, LiveEventLog eventLog, LiveWindow window, Clock clock) {
        this.meetings = meetings;
        this.streams = streams;
        this.eventLog = eventLog;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Opens the stream. A browser that reconnects sends the id of the last event it received in the
     * {@code Last-Event-ID} header; a page that opens the stream for the first time sends the id that the
     * page was rendered at as {@code lastEventId}. Either way the stream first sends the parts changed
     * since. An id that is not a number counts as unknown, and then every part is sent.
     */
    @GetMapping("/meetings/{meetingId}/live")
    ResponseEntity<SseEmitter> stream(Actor actor, @PathVariable long meetingId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventHeader,
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventParameter) {
        Meeting meeting = meetings.visibleTo(actor, MeetingId.of(meetingId));

        if (!window.isOpen(meeting, clock.instant())) {
            return ResponseEntity.noContent().build();
        }
        String lastEvent = lastEventHeader != null ? lastEventHeader : lastEventParameter;

        SseEmitter emitter = streams.open(meetingId);
        if (lastEvent != null) {
            List<LiveEvent> missed = eventLog.since(meetingId, parseId(lastEvent));
            streams.send(emitter, missed);
        }
        log.debug("Live stream opened for meeting {} by account {}", meetingId, actor.accountId());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                // Asks nginx and similar proxies not to buffer the stream.
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** Returns the event id, or 0 (before every event) when the text is not a non-negative number. */
    private static long parseId(String text) {
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        }
        catch (NumberFormatException notNumber) {
            return 0;
        }
    }
}
