package vn.chibo.meeting;

import java.util.Optional;

/**
 * Lets another module hold a meeting open, such as voting while a vote is still open. Every bean of
 * this type is asked before a meeting closes.
 */
public interface MeetingCloseGuard {

    /** Returns the message key of the reason the meeting may not close yet, or empty if it may. */
    Optional<String> reasonNotToClose(MeetingId meeting);
}
