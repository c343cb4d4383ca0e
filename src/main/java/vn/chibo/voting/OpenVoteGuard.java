package vn.chibo.voting;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.MeetingCloseGuard;
import vn.chibo.meeting.MeetingId;

/** Keeps a meeting from closing while one of its votes is still open. */
@Component
class OpenVoteGuard implements MeetingCloseGuard {

    private final MotionStore store;

    OpenVoteGuard(MotionStore store) {
        this.store = store;
    }

    /** Runs inside the transaction that closes the meeting, and holds its row until that ends. */
    @Override
    public Optional<String> reasonNotToClose(MeetingId meeting) {
        store.lockMeeting(meeting);
        return store.openOf(meeting).isPresent() ? Optional.of("voting.error.voteStillOpen") : Optional.empty();
    }
}
