package vn.chibo.meeting;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a member's own arrival (a QR check-in or joining online) changes the member's mark. A member
 * is present at most once: a repeated scan or join keeps the first arrival time. Being in the room
 * outranks being online, so a member who joined online and then scans in the room becomes present in
 * person with the time of the first arrival, and joining online after checking in changes nothing.
 * An arrival replaces an absence that was recorded earlier, because the member is there after all,
 * and a member who had left and arrives again is no longer counted as having left.
 */
final class Arrivals {

    private Arrivals() {
    }

    /**
     * The member's mark after an arrival.
     *
     * @param changed whether anything differs from the mark before, so that it must be written
     */
    record Outcome(AttendanceStatus status, Instant arrivedAt, boolean changed) {
    }

    /**
     * Returns the mark after the member arrives.
     *
     * @param before the member's mark before, or null when the roll has none
     * @param arriving {@link AttendanceStatus#PRESENT_IN_PERSON} or {@link AttendanceStatus#PRESENT_ONLINE}
     */
    static Outcome arrive(@Nullable RollMark before, AttendanceStatus arriving, Instant now) {
        if (!arriving.isPresent()) {
            throw new IllegalArgumentException("An arrival is a presence, not " + arriving);
        }
        if (before == null || !before.status().isPresent()) {
            return new Outcome(arriving, now, true);
        }

        Instant firstArrival = before.arrivedAt() == null ? now : before.arrivedAt();
        AttendanceStatus status = before.status() == AttendanceStatus.PRESENT_IN_PERSON
                ? AttendanceStatus.PRESENT_IN_PERSON : arriving;
        boolean changed = status != before.status() || before.arrivedAt() == null || before.leftAt() != null;
        return new Outcome(status, firstArrival, changed);
    }

    /**
     * Returns whether an arrival at {@code arrivedAt} is later than the start plus {@code lateAfter}. The
     * start is the planned one, or the moment the chair opened the meeting if that was later, because
     * no member is late for a meeting that has not begun.
     */
    static boolean isLate(@Nullable Instant arrivedAt, Instant startsAt, @Nullable Instant startedAt,
            Duration lateAfter) {
        if (arrivedAt == null) {
            return false;
        }
        Instant start = startedAt != null && startedAt.isAfter(startsAt) ? startedAt : startsAt;
        return arrivedAt.isAfter(start.plus(lateAfter));
    }
}
