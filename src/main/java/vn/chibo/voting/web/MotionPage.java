package vn.chibo.voting.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.Meeting;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.ExcludedMember;
import vn.chibo.voting.Motion;
import vn.chibo.voting.VoterStanding;

/**
 * What the motion page shows to one person.
 *
 * @param ownChoice the choice the viewer cast, or null
 * @param pendingChoice the choice the viewer picked and has yet to confirm, or null
 * @param canClose whether the viewer runs the vote and may close it, or record its count of hands, while it is open
 * @param ballotsCast ballots so far, filled only for the one who runs the open vote
 * @param eligiblePresent members present who may vote, filled only for the one who runs the open vote
 * @param excluded the members taken out of the denominator, once the vote has closed
 */
public record MotionPage(Motion motion, Meeting meeting, VoterStanding standing, @Nullable BallotChoice ownChoice,
        @Nullable BallotChoice pendingChoice, boolean canClose, int ballotsCast, int eligiblePresent,
        List<ExcludedMember> excluded) {

    /** Returns the same page asking the viewer to confirm the choice they picked. */
    MotionPage confirming(BallotChoice choice) {
        return new MotionPage(motion, meeting, standing, ownChoice, choice, canClose, ballotsCast, eligiblePresent,
                excluded);
    }

    /** Returns whether the page offers the three ballot buttons. */
    public boolean offersBallot() {
        return motion.isOpen() && !motion.isShowOfHands() && standing.mayVote() && ownChoice == null
                && pendingChoice == null;
    }

    /** Returns whether the page asks the viewer to confirm or change the choice they picked. */
    public boolean asksConfirmation() {
        return motion.isOpen() && !motion.isShowOfHands() && standing.mayVote() && ownChoice == null
                && pendingChoice != null;
    }

    /** Returns whether the page offers the chair the form for the count of raised hands. */
    public boolean asksCount() {
        return canClose && motion.isShowOfHands();
    }

    /**
     * Returns whether the panel reloads itself while the vote is open. It does not while it asks for
     * a confirmation or a count, which a reload would drop.
     */
    public boolean polls() {
        return motion.isOpen() && !asksConfirmation() && !asksCount();
    }

    public List<BallotChoice> choices() {
        return List.of(BallotChoice.values());
    }
}
