package vn.chibo.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.Meeting;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.VietnameseText;

/**
 * Builds and checks the lines of an election or discipline ballot from what the chair asked for.
 */
@Component
class BallotOptions {

    /** The maximum number of candidates in one election round. */
    static final int MAX_CANDIDATES = 100;

    /** Ballot lines go into the minutes, which are always in Vietnamese. */
    private static final Locale VIETNAMESE = Locale.of("vi");

    private final Members members;
    private final MessageSource messages;

    BallotOptions(Members members, MessageSource messages) {
        this.members = members;
        this.messages = messages;
    }

    /**
     * Returns the ballot lines of the request: none for a vote for or against, the candidates for an
     * election and the penalties for a discipline vote.
     *
     * @param subject the member a discipline vote is about, already checked
     */
    List<BallotOption> of(Meeting meeting, MotionRequest request, MotionSubject subject) {
        return switch (request.kind()) {
            case ELECTION -> candidates(meeting, request);
            case DISCIPLINE -> penalties(request, subject);
            default -> List.of();
        };
    }

    /**
     * Returns the members who may stand in an election of the cell: official members whose record
     * the cell keeps and who are active in it, by name in Vietnamese order.
     */
    List<Member> eligibleCandidates(Meeting meeting) {
        return members.ownMembers(meeting.cellId()).stream()
                .filter(BallotOptions::mayStand)
                .sorted(VietnameseText.byName(Member::fullName))
                .toList();
    }

    private List<BallotOption> candidates(Meeting meeting, MotionRequest request) {
        List<MemberId> ids = request.candidates();
        if (ids.isEmpty()) {
            throw new InvalidMotion("voting.error.candidatesMissing");
        }
        if (ids.size() > MAX_CANDIDATES) {
            throw new InvalidMotion("voting.error.tooManyCandidates", MAX_CANDIDATES);
        }
        if (request.seats() != null && ids.size() < request.seats()) {
            throw new InvalidMotion("voting.error.fewerCandidatesThanSeats", request.seats(), ids.size());
        }
        Map<MemberId, Member> found = members.byIds(ids).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        var candidates = new ArrayList<Member>();
        for (MemberId id : ids) {
            Member member = found.get(id);
            if (member == null || !member.cellId().equals(meeting.cellId()) || !mayStand(member)) {
                throw new InvalidMotion("voting.error.candidateInvalid");
            }
            candidates.add(member);
        }
        // The ballot lists the candidates by name in Vietnamese order, whatever order the request gave.
        candidates.sort(VietnameseText.byName(Member::fullName));
        var options = new ArrayList<BallotOption>();
        for (Member member : candidates) {
            options.add(new BallotOption(options.size() + 1, member.fullName(), member.id(), null));
        }
        return options;
    }

    private List<BallotOption> penalties(MotionRequest request, MotionSubject subject) {
        if (request.penalties().isEmpty()) {
            throw new InvalidMotion("voting.error.penaltiesMissing");
        }
        Member member = members.find(subject.memberId()).orElseThrow(() -> new InvalidMotion(
                "voting.error.disciplinedMemberInvalid"));
        // Rule 8: a probationary member may only be reprimanded or warned.
        if (member.isProbationary() && request.penalties().stream().anyMatch(penalty -> !penalty.allowedForProbationary())) {
            throw new InvalidMotion("voting.error.penaltyNotForProbationary");
        }
        List<Penalty> lightestFirst = request.penalties().stream().sorted(Comparator.naturalOrder()).toList();
        var options = new ArrayList<BallotOption>();
        for (Penalty penalty : lightestFirst) {
            options.add(new BallotOption(options.size() + 1, messages.getMessage(penalty.messageKey(), null, VIETNAMESE),
                    null, penalty));
        }
        return options;
    }

    private static boolean mayStand(Member member) {
        return member.isOfficial() && member.activityStatus() == ActivityStatus.ACTIVE;
    }
}
