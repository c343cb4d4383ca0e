package vn.chibo.voting.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.MeetingRoomSection;
import vn.chibo.meeting.Meetings;
import vn.chibo.voting.Motion;
import vn.chibo.voting.Motions;
import vn.chibo.voting.VotingPermissions;

/**
 * The votes of a meeting on its live page and on the projector. Each vote shows its status and, once
 * it has closed, its result. While it is open, those who run the vote also see the number of ballots,
 * as on the motion page. How the ballots split stays hidden until the vote closes.
 */
@Component
class VotingRoomSection implements MeetingRoomSection {

    private final Motions motions;
    private final Meetings meetings;
    private final VotingPermissions permissions;

    VotingRoomSection(Motions motions, Meetings meetings, VotingPermissions permissions) {
        this.motions = motions;
        this.meetings = meetings;
        this.permissions = permissions;
    }

    @Override
    public MeetingRoomChanged.Part part() {
        return MeetingRoomChanged.Part.VOTES;
    }

    @Override
    public String template() {
        return "voting/room";
    }

    @Override
    public VotingRoom view(Actor actor, Meeting meeting) {
        boolean runsVotes = permissions.canRunVotes(actor, meeting);
        List<Motion> ofMeeting = motions.ofMeeting(meeting.id());
        boolean anyProgress = runsVotes && ofMeeting.stream().anyMatch(motion -> motion.isOpen() && !motion.isShowOfHands());
        int eligiblePresent = anyProgress ? meetings.tally(meeting.id()).eligibleVotersPresent() : 0;
        List<VotingRoom.Line> lines = ofMeeting.stream()
                .map(motion -> {
                    boolean progress = runsVotes && motion.isOpen() && !motion.isShowOfHands();
                    return new VotingRoom.Line(motion, progress, progress ? motions.ballotsCast(motion.id()) : 0,
                            eligiblePresent);
                })
                .toList();
        return new VotingRoom(meeting.id().value(), lines);
    }

    /**
     * The votes of one meeting as one reader sees them.
     *
     * @param lines the votes in the order they were opened
     */
    record VotingRoom(long meetingId, List<Line> lines) {

        /**
         * One vote.
         *
         * @param showsProgress whether the reader runs the vote and it is an open electronic vote
         * @param ballotsCast how many ballots were cast, when {@code showsProgress}; never which choices
         * @param eligiblePresent how many members present may vote, when {@code showsProgress}
         */
        record Line(Motion motion, boolean showsProgress, int ballotsCast, int eligiblePresent) {
        }
    }
}
