package vn.chibo.voting;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingCloseGuard;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;

/** Keeps a meeting from closing while one of its votes is still open. */
@Component
class OpenVoteGuard implements MeetingCloseGuard {

    private final MotionStore store;
    private final Meetings meetings;

    OpenVoteGuard(MotionStore store, Meetings meetings) {
        this.store = store;
        this.meetings = meetings;
    }

    /** Runs inside the transaction that closes the meeting, and holds its row until that ends. */
    @Override
    public Optional<String> reasonNotToClose(MeetingId meeting) {
        meetings.lock(meeting);
        return store.openOf(meeting).isPresent() ? Optional.of("voting.error.voteStillOpen") : Optional.empty();
    }
}
