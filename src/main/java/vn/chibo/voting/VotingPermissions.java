package vn.chibo.voting;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingPermissions;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.RequestMemo;

/**
 * Who may see, run and cast votes. Everyone who may see the meeting sees its votes and, once
 * closed, their results; the chair, or whoever runs the cell, opens and closes them; and only
 * official members of the cell marked present, neither sent out nor suspended, cast a ballot.
 */
@Component
public class VotingPermissions {

    private static final Logger log = LoggerFactory.getLogger(VotingPermissions.class);

    private final MeetingPermissions meetingPermissions;
    private final Meetings meetings;
    private final Members members;

    VotingPermissions(MeetingPermissions meetingPermissions, Meetings meetings, Members members) {
        this.meetingPermissions = meetingPermissions;
        this.meetings = meetings;
        this.members = members;
    }

    public boolean canView(Actor actor, Meeting meeting) {
        return meetingPermissions.canView(actor, meeting);
    }

    /** Returns whether the actor may open and close votes at the meeting. */
    public boolean canRunVotes(Actor actor, Meeting meeting) {
        return meetingPermissions.canChair(actor, meeting);
    }

    /** Fails with not-found for those who may not see the meeting and with forbidden for plain members. */
    public void requireRunVotes(Actor actor, Meeting meeting) {
        meetingPermissions.requireChair(actor, meeting);
    }

    public void requireView(Actor actor, Meeting meeting) {
        meetingPermissions.requireView(actor, meeting);
    }

    /** Returns whether the actor may cast a ballot on the motion as the roll stands now, and if not, why. */
    public VoterStanding standingOf(Actor actor, Motion motion) {
        return voterOf(actor, motion).standing();
    }

    /**
     * Fails with forbidden, naming the reason, unless the actor may cast a ballot on the motion as the
     * roll stands now. Ballot forms call it before they read the choice.
     */
    public void requireVoter(Actor actor, Motion motion) {
        VoterStanding standing = standingOf(actor, motion);
        if (!standing.mayVote()) {
            throw new NotEligibleToVote(standing);
        }
    }

    /**
     * Returns the actor's member record if the actor may cast a ballot on the motion now, and fails
     * with the reason otherwise.
     */
    MemberId eligibleMember(Actor actor, Motion motion) {
        Voter voter = voterOf(actor, motion);
        MemberId member = voter.memberId();
        if (!voter.standing().mayVote() || member == null) {
            log.info("Ballot on motion {} from account {} rejected: {}", motion.id(), actor.accountId(),
                    voter.standing());
            throw new NotEligibleToVote(voter.standing());
        }
        return member;
    }

    Voter voterOf(Actor actor, Motion motion) {
        // A ballot request checks the voter up to three times: before reading the choice, when
        // recording it and when showing the panel; the member and the roll stay as they were.
        return RequestMemo.get("voter." + motion.id().value() + "." + actor.accountId().value(),
                () -> readVoter(actor, motion));
    }

    private Voter readVoter(Actor actor, Motion motion) {
        Optional<Member> member = actor.member()
                .flatMap(id -> members.findOnRoster(motion.cellId(), MemberId.of(id)));
        if (member.isEmpty()) {
            return new Voter(VoterStanding.NOT_CELL_MEMBER, null);
        }
        return new Voter(standingOf(member.get(), meetings.markOf(motion.meetingId(), member.get().id())),
                member.get().id());
    }

    private static VoterStanding standingOf(Member member, Optional<RollMark> mark) {
        if (member.isProbationary()) {
            return VoterStanding.PROBATIONARY;
        }
        if (member.activityStatus() == ActivityStatus.SENT_OUT) {
            return VoterStanding.SENT_OUT;
        }
        if (member.activityStatus() == ActivityStatus.SUSPENDED) {
            return VoterStanding.SUSPENDED;
        }
        if (mark.isEmpty() || !AttendanceTally.mayVote(member, mark.get().status())) {
            return VoterStanding.NOT_PRESENT;
        }
        return VoterStanding.ELIGIBLE;
    }

    /**
     * A person's standing on one motion.
     *
     * @param memberId the member record in the motion's cell, or null for someone who holds none
     */
    record Voter(VoterStanding standing, @Nullable MemberId memberId) {
    }
}
