package vn.chibo.voting;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.member.MemberId;

/**
 * Takes secret ballots and checks receipt codes. A ballot and its voter's place on the roll are
 * stored in one transaction, so the ballots always equal the names on the roll, but nothing stored,
 * logged, audited or published joins the two.
 */
@Component
public class SecretBallots {

    private static final Logger log = LoggerFactory.getLogger(SecretBallots.class);

    private final MotionStore store;
    private final SecretBallotStore secretStore;
    private final Motions motions;
    private final VotingPermissions permissions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BallotAttempts attempts;

    SecretBallots(MotionStore store, SecretBallotStore secretStore, Motions motions, VotingPermissions permissions,
            AuditLog audit, ApplicationEventPublisher events, BallotAttempts attempts) {
        this.attempts = attempts;
        this.store = store;
        this.secretStore = secretStore;
        this.motions = motions;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Records the actor's secret ballot and returns the receipt code, which exists nowhere else: the
     * caller shows it once and must not store it. A second ballot of the same voter is rejected, with
     * or without the same choice, because the first cannot be looked up.
     */
    @Transactional
    public ReceiptCode cast(Actor actor, MotionId id, BallotChoice choice) {
        return cast(actor, id, choice, null).code();
    }

    /**
     * Records the actor's secret ballot as {@link #cast(Actor, MotionId, BallotChoice)} does. With an
     * attempt that {@link BallotAttempts} issued to this voter for this motion, the receipt code is
     * derived from it, and the same attempt sent again gets the same code back, marked as repeated,
     * instead of a refusal. This applies whatever choice the repeat names, because the stored ballot
     * is the first one.
     */
    @Transactional
    public SecretReceipt cast(Actor actor, MotionId id, BallotChoice choice, @Nullable String attempt) {
        Motion motion = motions.visibleTo(actor, id);

        if (!motion.isSecret()) {
            throw new WrongVotingMethod("voting.error.notSecret");
        }
        if (motion.listsOptions()) {
            throw new WrongVotingMethod("voting.error.listBallotNeedsMarks");
        }
        return enrolAndStore(actor, motion, attempt, receipt -> secretStore.insertBallot(id, choice, receipt));
    }

    /**
     * Records the actor's secret ballot in an election or discipline vote and returns its receipt code,
     * with the rules of {@link #cast}. The ballot marks lines of the list by position: at most the seats
     * of an election round, at most one penalty, or none for a blank ballot.
     */
    @Transactional
    public ReceiptCode castList(Actor actor, MotionId id, Collection<Integer> positions) {
        return castList(actor, id, positions, null).code();
    }

    /** Records an election or discipline ballot, with an attempt as {@link #cast(Actor, MotionId, BallotChoice, String)}. */
    @Transactional
    public SecretReceipt castList(Actor actor, MotionId id, Collection<Integer> positions,
            @Nullable String attempt) {
        Motion motion = motions.visibleTo(actor, id);

        Set<Integer> marks = checkMarks(motion, positions);
        return enrolAndStore(actor, motion, attempt, receipt -> secretStore.insertListBallot(id, marks, receipt));
    }

    /**
     * Puts the eligible actor on the roll of the open vote and stores their ballot under a new receipt
     * code, in the caller's transaction, or fails if the vote has closed or the actor is on the roll.
     */
    private SecretReceipt enrolAndStore(Actor actor, Motion motion, @Nullable String attempt,
            Consumer<ReceiptCode> storeBallot) {
        if (store.lockForBallot(motion.id()) != MotionStatus.OPEN) {
            throw new MotionNotOpen();
        }
        MemberId member = permissions.eligibleMember(actor, motion);
        String random = attempts.randomPartOf(attempt, motion.id(), member);
        ReceiptCode receipt = random == null ? ReceiptCode.generate() : attempts.receiptFor(motion.id(), member, random);
        if (!secretStore.enrol(motion.id(), member)) {
            // Only the voter's own attempt derives a code that a stored ballot has; any other gets the refusal.
            if (random != null && secretStore.hasBallot(motion.id(), receipt)) {
                return new SecretReceipt(receipt, true);
            }
            throw new SecretBallotAlreadyCast();
        }
        storeBallot.accept(receipt);

        // The entry names the voter, as the roll does, and nothing of the choice or the receipt.
        audit.record(new AuditEntry(actor.accountId().value(), motion.cellId().value(), "ballot.cast", "motion",
                motion.id().value(), "member=" + member + " method=SECRET"));
        events.publishEvent(new MeetingRoomChanged(motion.meetingId(), MeetingRoomChanged.Part.VOTES));
        return new SecretReceipt(receipt, false);
    }


    /**
     * Checks, storing nothing, that the actor could cast this election or discipline ballot now, for
     * the step that shows the marks back for confirmation.
     */
    @Transactional(readOnly = true)
    public void checkList(Actor actor, MotionId id, Collection<Integer> positions) {
        Motion motion = motions.visibleTo(actor, id);

        checkMarks(motion, positions);
        if (!motion.isOpen()) {
            throw new MotionNotOpen();
        }
        MemberId member = permissions.eligibleMember(actor, motion);
        if (secretStore.isOnRoll(id, member)) {
            throw new SecretBallotAlreadyCast();
        }
    }

    /**
     * Returns the marks as a set, or fails when the motion takes no list ballot, a mark names no line of
     * the ballot, a line is marked twice, or there are more marks than the ballot allows.
     */
    private static Set<Integer> checkMarks(Motion motion, Collection<Integer> positions) {
        if (!motion.listsOptions()) {
            throw new WrongVotingMethod("voting.error.notListBallot");
        }
        var marks = new TreeSet<Integer>();
        for (int position : positions) {
            if (motion.option(position).isEmpty()) {
                throw InvalidBallotMarks.notOnBallot();
            }
            if (!marks.add(position)) {
                throw new InvalidBallotMarks("voting.error.markedTwice");
            }
        }
        if (marks.size() > motion.maxMarks()) {
            throw new InvalidBallotMarks(motion.isElection() ? "voting.error.tooManyCandidatesMarked"
                    : "voting.error.tooManyPenaltiesMarked", motion.maxMarks(), marks.size());
        }
        return marks;
    }

    /**
     * Looks up the ballot of a receipt code once the vote has closed. Whoever may see the meeting may
     * check a code; the code itself is the proof of holding the ballot.
     */
    @Transactional(readOnly = true)
    public ReceiptCheck check(Actor actor, MotionId id, ReceiptCode receipt) {
        Motion motion = motions.visibleTo(actor, id);

        if (!motion.isSecret()) {
            throw new WrongVotingMethod("voting.error.notSecret");
        }
        if (!motion.isClosed()) {
            throw new ReceiptCheckBeforeClose();
        }
        ReceiptCheck check = motion.listsOptions()
                ? secretStore.marksOf(id, receipt)
                        .map(marks -> new ReceiptCheck(true, null, marks.stream()
                                .map(position -> motion.option(position).orElseThrow())
                                .toList()))
                        .orElse(new ReceiptCheck(null))
                : new ReceiptCheck(secretStore.choiceOf(id, receipt).orElse(null));
        log.info("Motion {}: receipt checked by account {}, counted: {}", id, actor.accountId(), check.counted());
        return check;
    }
}
