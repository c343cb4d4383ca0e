package vn.chibo.voting;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;
import vn.chibo.system.VietnameseText;

/** Opens votes, records ballots and closes votes with their frozen result. */
@Component
public class MotionManagement {

    static final int TITLE_MAX_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(MotionManagement.class);

    private final MotionStore store;
    private final Motions motions;
    private final Meetings meetings;
    private final VotingPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;

    MotionManagement(MotionStore store, Motions motions, Meetings meetings, VotingPermissions permissions,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.motions = motions;
        this.meetings = meetings;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a vote on the resolution of a meeting in progress (started by its chair). Only the chair,
     * or whoever runs the cell, may, and only while no other vote of the meeting is open.
     */
    @Transactional
    public MotionId open(Actor actor, MeetingId meetingId, @Nullable String title) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireRunVotes(actor, meeting);
        String cleanTitle = checkTitle(title);

        Meeting locked = meetings.lock(meetingId);
        if (!locked.isInProgress()) {
            throw new MeetingNotInSession();
        }
        if (store.openOf(meetingId).isPresent()) {
            throw new MotionAlreadyOpen();
        }
        MotionId id = store.insert(meetingId, meeting.cellId(), MotionKind.RESOLUTION, cleanTitle,
                actor.accountId().value(), clock.instant());
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "motion.opened", "motion",
                id.value(), "meeting=" + meetingId + " kind=" + MotionKind.RESOLUTION));
        log.info("Motion {} opened at meeting {} by account {}", id, meetingId, actor.accountId());
        return id;
    }

    /**
     * Checks, storing nothing, that the actor could cast this ballot now. The step that shows a choice
     * back for confirmation calls it. It fails as {@link #cast} would, except that an earlier ballot
     * of the same choice passes.
     */
    @Transactional(readOnly = true)
    public void checkBallot(Actor actor, MotionId id, BallotChoice choice) {
        Motion motion = motions.visibleTo(actor, id);

        if (!motion.isOpen()) {
            throw new MotionNotOpen();
        }
        MemberId member = eligibleVoter(actor, motion);
        Optional<BallotChoice> recorded = store.choiceOf(id, member);
        if (recorded.isPresent() && recorded.get() != choice) {
            throw new BallotAlreadyCast(recorded.get());
        }
    }

    /**
     * Records the actor's ballot. A repeat of the same choice changes nothing and reports that the
     * ballot was already recorded; another choice after one was recorded is rejected.
     */
    @Transactional
    public BallotReceipt cast(Actor actor, MotionId id, BallotChoice choice) {
        Motion motion = motions.visibleTo(actor, id);

        if (store.lockForBallot(id) != MotionStatus.OPEN) {
            throw new MotionNotOpen();
        }
        MemberId member = eligibleVoter(actor, motion);
        if (!store.insertBallot(id, member, choice, clock.instant())) {
            BallotChoice recorded = store.choiceOf(id, member).orElseThrow(() -> new IllegalStateException(
                    "Motion " + id + " has neither a new nor an earlier ballot of member " + member));
            if (recorded != choice) {
                throw new BallotAlreadyCast(recorded);
            }
            return BallotReceipt.ALREADY_RECORDED;
        }
        audit.record(new AuditEntry(actor.accountId().value(), motion.cellId().value(), "ballot.cast", "motion",
                id.value(), "member=" + member));
        log.debug("Motion {}: ballot of member {} recorded", id, member);
        return BallotReceipt.RECORDED;
    }

    /**
     * Closes an open vote and freezes its result against the attendance figures of this moment: the
     * denominator, the votes needed and who was taken out of the denominator.
     */
    @Transactional
    public MotionResult close(Actor actor, MotionId id) {
        Motion motion = motions.get(id);
        Meeting meeting = meetings.get(motion.meetingId());
        permissions.requireRunVotes(actor, meeting);

        if (!store.markClosed(id, actor.accountId().value(), clock.instant())) {
            throw new MotionNotOpen();
        }
        AttendanceTally tally = meetings.tally(meeting.id());
        Map<BallotChoice, Integer> counts = store.countByChoice(id);
        // Voters marked absent after casting keep their ballot and their place in the denominator.
        MotionResult result = MotionResult.of(counts.get(BallotChoice.FOR), counts.get(BallotChoice.AGAINST),
                counts.get(BallotChoice.ABSTAIN), tally, store.votersOf(id));
        store.saveResult(id, result);
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "motion.closed", "motion",
                id.value(), "for=" + result.votesFor() + " against=" + result.votesAgainst() + " abstain="
                        + result.abstentions() + " denominator=" + result.denominator() + " passed="
                        + result.passed()));
        log.info("Motion {} closed by account {}: {} of {} needed votes in favour", id, actor.accountId(),
                result.votesFor(), result.votesNeeded());
        return result;
    }

    /** Returns the actor's member record if the actor may vote on the motion, and fails with the reason otherwise. */
    private MemberId eligibleVoter(Actor actor, Motion motion) {
        VotingPermissions.Voter voter = permissions.voterOf(actor, motion);
        MemberId member = voter.memberId();
        if (!voter.standing().mayVote() || member == null) {
            log.info("Ballot on motion {} from account {} rejected: {}", motion.id(), actor.accountId(),
                    voter.standing());
            throw new NotEligibleToVote(voter.standing());
        }
        return member;
    }

    private static String checkTitle(@Nullable String title) {
        String cleaned = title == null ? null : VietnameseText.cleanOrNull(title);
        if (cleaned == null) {
            throw new InvalidMotion("voting.error.titleMissing");
        }
        if (cleaned.length() > TITLE_MAX_LENGTH) {
            throw new InvalidMotion("voting.error.titleTooLong", TITLE_MAX_LENGTH);
        }
        return cleaned;
    }
}
