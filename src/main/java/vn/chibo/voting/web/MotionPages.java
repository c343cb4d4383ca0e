package vn.chibo.voting.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.VietnameseText;
import vn.chibo.voting.Motion;
import vn.chibo.voting.Motions;
import vn.chibo.voting.VotingPermissions;

/** Gathers what the motion page shows to the person who asks. */
@Component
class MotionPages {

    private final Motions motions;
    private final Meetings meetings;
    private final Members members;
    private final VotingPermissions permissions;

    MotionPages(Motions motions, Meetings meetings, Members members, VotingPermissions permissions) {
        this.motions = motions;
        this.meetings = meetings;
        this.members = members;
        this.permissions = permissions;
    }

    MotionPage of(Actor actor, Motion motion) {
        Meeting meeting = meetings.get(motion.meetingId());
        boolean runsVote = permissions.canRunVotes(actor, meeting);
        boolean showProgress = runsVote && motion.isOpen();
        return new MotionPage(motion, meeting, permissions.standingOf(actor, motion),
                motions.choiceOf(actor, motion).orElse(null), null, showProgress,
                showProgress ? motions.ballotsCast(motion.id()) : 0,
                showProgress ? meetings.tally(meeting.id()).eligibleVotersPresent() : 0, excludedOf(motion));
    }

    private List<MotionPage.ExcludedMember> excludedOf(Motion motion) {
        if (motion.result() == null || motion.result().exclusions().isEmpty()) {
            return List.of();
        }
        List<DenominatorExclusion> exclusions = motion.result().exclusions();
        Map<MemberId, Member> byId = members.byIds(exclusions.stream().map(DenominatorExclusion::memberId).toList())
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Comparator<MotionPage.ExcludedMember> byName = VietnameseText.byName(MotionPage.ExcludedMember::fullName);
        return exclusions.stream()
                .filter(exclusion -> byId.containsKey(exclusion.memberId()))
                .map(exclusion -> new MotionPage.ExcludedMember(byId.get(exclusion.memberId()).fullName(),
                        exclusion.reason()))
                .sorted(Comparator.comparing(MotionPage.ExcludedMember::reason).thenComparing(byName))
                .toList();
    }
}
