package vn.chibo.voting.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.chibo.meeting.Meeting;
import vn.chibo.voting.BallotChoice;
import vn.chibo.voting.BallotOption;
import vn.chibo.voting.ElectionRound;
import vn.chibo.voting.ExcludedMember;
import vn.chibo.voting.Motion;
import vn.chibo.voting.ReceiptCheck;
import vn.chibo.voting.ReceiptCode;
import vn.chibo.voting.VoterStanding;

/**
 * What the motion page shows to one person.
 *
 * @param ownChoice the choice the viewer cast in an open vote, or null; always null for a secret ballot
 * @param voted whether the viewer has cast a ballot, openly or on the roll of a secret ballot
 * @param pendingChoice the choice the viewer picked and has yet to confirm, or null
 * @param canClose whether the viewer runs the vote and may close it, or record its count of hands, while it is open
 * @param ballotsCast ballots so far, filled only for the one who runs the open vote
 * @param eligiblePresent members present who may vote, filled only for the one who runs the open vote
 * @param excluded the members taken out of the denominator, once the vote has closed
 * @param receiptCode the receipt code of the secret ballot this response accepted, shown this once, or null
 * @param receiptCheck what the receipt code the viewer typed found, or null
 * @param pendingMarks the lines of an election or discipline ballot the viewer marked and has yet to
 *        confirm (empty for a blank ballot), or null when nothing waits for confirmation
 * @param nextRound the election round the viewer may open after this closed one, or null
 */
public record MotionPage(Motion motion, Meeting meeting, VoterStanding standing, @Nullable BallotChoice ownChoice,
        boolean voted, @Nullable BallotChoice pendingChoice, boolean canClose, int ballotsCast, int eligiblePresent,
        List<ExcludedMember> excluded, @Nullable ReceiptCode receiptCode, @Nullable ReceiptCheck receiptCheck,
        @Nullable List<BallotOption> pendingMarks, @Nullable ElectionRound nextRound) {

    /** Returns the same page asking the viewer to confirm the choice they picked. */
    MotionPage confirming(BallotChoice choice) {
        return new MotionPage(motion, meeting, standing, ownChoice, voted, choice, canClose, ballotsCast,
                eligiblePresent, excluded, receiptCode, receiptCheck, pendingMarks, nextRound);
    }

    /** Returns the same page asking the viewer to confirm the lines they marked. */
    MotionPage confirmingMarks(List<BallotOption> marks) {
        return new MotionPage(motion, meeting, standing, ownChoice, voted, pendingChoice, canClose, ballotsCast,
                eligiblePresent, excluded, receiptCode, receiptCheck, List.copyOf(marks), nextRound);
    }

    /** Returns the same page showing the receipt code of the secret ballot just accepted. */
    MotionPage withReceipt(ReceiptCode receipt) {
        return new MotionPage(motion, meeting, standing, ownChoice, voted, pendingChoice, canClose, ballotsCast,
                eligiblePresent, excluded, receipt, receiptCheck, pendingMarks, nextRound);
    }

    /** Returns the same page with the result of a receipt check. */
    MotionPage withReceiptCheck(ReceiptCheck check) {
        return new MotionPage(motion, meeting, standing, ownChoice, voted, pendingChoice, canClose, ballotsCast,
                eligiblePresent, excluded, receiptCode, check, pendingMarks, nextRound);
    }

    /** Returns whether the page offers the form that checks a receipt code: closed secret ballots only. */
    public boolean offersReceiptCheck() {
        return motion.isSecret() && motion.isClosed();
    }

    /** Returns whether the page offers the three ballot buttons. */
    public boolean offersBallot() {
        return mayCast() && !motion.listsOptions() && pendingChoice == null;
    }

    /** Returns whether the page asks the viewer to confirm or change the choice they picked. */
    public boolean asksConfirmation() {
        return mayCast() && !motion.listsOptions() && pendingChoice != null;
    }

    /** Returns whether the page offers the ballot of an election or discipline vote to mark. */
    public boolean offersListBallot() {
        return mayCast() && motion.listsOptions() && pendingMarks == null;
    }

    /** Returns whether the page asks the viewer to confirm or change the lines they marked. */
    public boolean asksListConfirmation() {
        return mayCast() && motion.listsOptions() && pendingMarks != null;
    }

    private boolean mayCast() {
        return motion.isOpen() && !motion.isShowOfHands() && standing.mayVote() && !voted;
    }

    /** Returns whether the viewer is at any step of casting a ballot, which a reload of the panel would undo. */
    public boolean casting() {
        return asksConfirmation() || offersListBallot() || asksListConfirmation();
    }

    /** Returns whether the page offers the chair the form for the count of raised hands. */
    public boolean asksCount() {
        return canClose && motion.isShowOfHands();
    }

    /**
     * Returns whether the panel reloads itself while the vote is open. It does not while it asks for
     * a confirmation or a count, or offers a ballot to mark, which a reload would drop.
     */
    public boolean polls() {
        return motion.isOpen() && !casting() && !asksCount() && receiptCode == null;
    }

    public List<BallotChoice> choices() {
        return List.of(BallotChoice.values());
    }
}
