package vn.chibo.voting.web;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.Meetings;
import vn.chibo.voting.Motion;
import vn.chibo.voting.Motions;
import vn.chibo.voting.VoteProgress;
import vn.chibo.voting.VotingPermissions;

/** Gathers what the motion page shows to the person who asks. */
@Component
class MotionPages {

    private final Motions motions;
    private final Meetings meetings;
    private final VotingPermissions permissions;

    MotionPages(Motions motions, Meetings meetings, VotingPermissions permissions) {
        this.motions = motions;
        this.meetings = meetings;
        this.permissions = permissions;
    }

    MotionPage of(Actor actor, Motion motion) {
        Meeting meeting = meetings.get(motion.meetingId());
        boolean runsVote = permissions.canRunVotes(actor, meeting);
        boolean showProgress = runsVote && motion.isOpen();
        VoteProgress progress = new VoteProgress(0, 0);
        if (showProgress && motion.isShowOfHands()) {
            progress = new VoteProgress(0, meetings.tally(meeting.id()).eligibleVotersPresent());
        }
        else if (showProgress) {
            progress = motions.progressOf(motion);
        }
        return new MotionPage(motion, meeting, permissions.standingOf(actor, motion),
                motions.choiceOf(actor, motion).orElse(null), motions.hasVoted(actor, motion), null, showProgress,
                progress.voted(), progress.eligible(), motions.excludedOf(motion), null, null, null,
                runsVote && meeting.isInProgress() ? motions.nextRoundOf(motion).orElse(null) : null);
    }
}
