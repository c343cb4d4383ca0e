package vn.chibo.meeting.live;

import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.Meeting;

/**
 * When the pages of a meeting listen for live updates: from {@link LiveProperties#openBefore()} before
 * the planned start of a published meeting, while it is published or in progress, until
 * {@link LiveProperties#keepAliveLimit()} after its start (the planned one, or the actual one if later).
 * Outside that window a stream is refused with 204, which makes the browser stop reconnecting, so that a
 * forgotten tab does not keep its session alive.
 */
@Component
class LiveWindow {

    private final LiveProperties properties;

    LiveWindow(LiveProperties properties) {
        this.properties = properties;
    }

    boolean isOpen(Meeting meeting, Instant now) {
        if (!meeting.isPublished() && !meeting.isInProgress()) {
            return false;
        }
        Instant start = meeting.startedAt() != null && meeting.startedAt().isAfter(meeting.startsAt())
                ? meeting.startedAt() : meeting.startsAt();
        boolean begun = meeting.isInProgress() || !now.isBefore(meeting.startsAt().minus(properties.openBefore()));
        return begun && now.isBefore(start.plus(properties.keepAliveLimit()));
    }
}
