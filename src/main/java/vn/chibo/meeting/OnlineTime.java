package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The time one member spent in a meeting's video conference room, from the joins and leaves that the
 * provider reported.
 *
 * @param firstJoinedAt when the member first entered the room
 * @param lastLeftAt when the member last left the room, or null while the member is still in it
 * @param spent the time in the room within the meeting: overlapping connections (two devices) count
 *        once, and time before the chair started or after the meeting closed does not count
 * @param connections how many times the member entered the room
 */
public record OnlineTime(Instant firstJoinedAt, @Nullable Instant lastLeftAt, Duration spent, int connections) {

    /** Returns whether the member is in the room now, by the provider's last report. */
    public boolean inRoom() {
        return lastLeftAt == null;
    }

    /** Returns the time spent in whole minutes, rounded down, for pages. */
    public long spentMinutes() {
        return spent.toMinutes();
    }

    /**
     * One connection to the room.
     *
     * @param leftAt null while the connection is open
     */
    record Session(Instant joinedAt, @Nullable Instant leftAt) {
    }

    /**
     * Returns the member's time from the sessions, counted within the meeting's window.
     *
     * @param sessions at least one
     * @param windowStart when the meeting started, or null when it has not: then nothing counts yet
     * @param windowEnd when the meeting closed, or the current time while it is open
     */
    static OnlineTime of(List<Session> sessions, @Nullable Instant windowStart, Instant windowEnd) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("A member's online time needs at least one session");
        }
        List<Session> ordered = new ArrayList<>(sessions);
        ordered.sort(Comparator.comparing(Session::joinedAt));

        boolean open = ordered.stream().anyMatch(session -> session.leftAt() == null);
        Instant lastLeft = open ? null : ordered.stream().map(Session::leftAt).max(Comparator.naturalOrder()).orElseThrow();
        Duration spent = windowStart == null ? Duration.ZERO : spentWithin(ordered, windowStart, windowEnd);
        return new OnlineTime(ordered.getFirst().joinedAt(), lastLeft, spent, ordered.size());
    }

    /** Adds up the union of the sessions' intervals, each cut to the window, so that overlaps count once. */
    private static Duration spentWithin(List<Session> ordered, Instant windowStart, Instant windowEnd) {
        Duration total = Duration.ZERO;
        Instant coveredUntil = windowStart;
        for (Session session : ordered) {
            Instant start = later(session.joinedAt(), coveredUntil);
            Instant end = earlier(session.leftAt() == null ? windowEnd : session.leftAt(), windowEnd);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
                coveredUntil = end;
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
