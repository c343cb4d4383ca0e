package vn.chibo.meeting;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How long a meeting should last: at least {@code usual}, or {@code combined} when a regular and a
 * thematic meeting share one session. A shorter meeting gets a warning, never a block.
 */
public record MeetingLengthRule(Duration usual, Duration combined) {

    public MeetingLengthRule {
        if (usual.isNegative() || combined.isNegative()) {
            throw new IllegalArgumentException("Minimum meeting lengths must not be negative: " + usual + ", "
                    + combined);
        }
    }

    public Duration minimumFor(Meeting meeting) {
        return minimumFor(meeting.isCombinedSession());
    }

    public Duration minimumFor(boolean combinedSession) {
        return combinedSession ? combined : usual;
    }

    /** Returns whether the meeting is planned to end before its minimum length. */
    public boolean isPlannedShort(Meeting meeting) {
        return isShort(meeting.plannedLength(), meeting.isCombinedSession());
    }

    /** Returns whether the meeting closed before its minimum length of real time; false until it closes. */
    public boolean closedShort(Meeting meeting) {
        Duration real = meeting.realLength();
        return real != null && isShort(real, meeting.isCombinedSession());
    }

    /** Returns whether a meeting of this length falls short of the minimum; null (not yet known) never does. */
    public boolean isShort(@Nullable Duration length, boolean combinedSession) {
        return length != null && length.compareTo(minimumFor(combinedSession)) < 0;
    }

    /** Returns the minimum in whole minutes, for messages. */
    public long minimumMinutes(Meeting meeting) {
        return minimumFor(meeting).toMinutes();
    }
}
