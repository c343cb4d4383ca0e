package vn.chibo.voting;

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

    SecretBallots(MotionStore store, SecretBallotStore secretStore, Motions motions, VotingPermissions permissions,
            AuditLog audit, ApplicationEventPublisher events) {
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
        Motion motion = motions.visibleTo(actor, id);

        if (!motion.isSecret()) {
            throw new WrongVotingMethod("voting.error.notSecret");
        }
        if (store.lockForBallot(id) != MotionStatus.OPEN) {
            throw new MotionNotOpen();
        }
        MemberId member = permissions.eligibleMember(actor, motion);
        if (!secretStore.enrol(id, member)) {
            throw new SecretBallotAlreadyCast();
        }
        ReceiptCode receipt = ReceiptCode.generate();
        secretStore.insertBallot(id, choice, receipt);

        // The entry names the voter, as the roll does, and nothing of the choice or the receipt.
        audit.record(new AuditEntry(actor.accountId().value(), motion.cellId().value(), "ballot.cast", "motion",
                id.value(), "member=" + member + " method=SECRET"));
        events.publishEvent(new MeetingRoomChanged(motion.meetingId(), MeetingRoomChanged.Part.VOTES));
        return receipt;
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
        ReceiptCheck check = new ReceiptCheck(secretStore.choiceOf(id, receipt).orElse(null));
        log.info("Motion {}: receipt checked by account {}, counted: {}", id, actor.accountId(), check.counted());
        return check;
    }
}
