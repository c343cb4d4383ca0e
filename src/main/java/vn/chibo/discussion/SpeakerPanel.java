package vn.chibo.discussion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.AgendaItem;

/**
 * The speaker list of a meeting as one reader sees it at one moment: the item under discussion, who
 * has the floor, the queue and who has spoken on the item. The template {@code discussion/speakers}
 * draws it.
 *
 * @param item the agenda item under discussion, or null when none is (before the start, after the close)
 * @param timeLimit how long each speaker may talk on the item
 * @param speaking the request that has the floor, or null
 * @param queue the waiting requests in queue order
 * @param heard the turns on the item that have ended, the earliest first
 * @param own the reader's open request on the item, or null
 * @param canRaise whether the reader may raise a hand now
 * @param canRun whether the reader sees the chair's controls
 * @param screen whether the list is drawn for the room's screen, without any form or link
 * @param now the time the list was read, which the countdown starts from
 */
public record SpeakerPanel(long meetingId, @Nullable AgendaItem item, Duration timeLimit, @Nullable Entry speaking,
        List<Entry> queue, List<Entry> heard, @Nullable Entry own, boolean canRaise, boolean canRun, boolean screen,
        Instant now) {

    /**
     * One request with its member's name.
     *
     * @param name the member's full name, or empty if the member record is gone
     * @param own whether the reader made the request
     */
    public record Entry(SpeakerRequest request, String name, boolean own) {
    }

    public boolean isOpen() {
        return item != null;
    }

    public List<SpeakerKind> kinds() {
        return List.of(SpeakerKind.values());
    }

    /** Returns the whole minutes of the time limit, for the form that changes it. */
    public long timeLimitMinutes() {
        return timeLimit.toMinutes();
    }

    /** Returns the seconds left of the running turn at {@link #now}, below zero once over the limit. */
    public long remainingSeconds() {
        if (speaking == null || speaking.request().turnLimit() == null) {
            return 0;
        }
        // Rounded up, so that a turn granted this instant shows its whole limit.
        return Math.ceilDiv(speaking.request().turnLimit().minus(speaking.request().spokenFor(now)).toMillis(), 1000);
    }

    public boolean speakingOverLimit() {
        return speaking != null && speaking.request().isOverLimit(now);
    }
}
