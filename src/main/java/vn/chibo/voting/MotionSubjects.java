package vn.chibo.voting;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.meeting.Meeting;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.VietnameseText;

/**
 * Checks the person an admission, recognition or discipline vote decides about: one person per vote,
 * once per meeting.
 */
@Component
class MotionSubjects {

    static final int NAME_MAX_LENGTH = 200;

    private final Members members;

    MotionSubjects(Members members) {
        this.members = members;
    }

    /**
     * Returns the person the requested motion decides about, or null for a resolution. An applicant
     * is named as entered, since they are not on the roster yet. A member to recognize must be a
     * probationary member whose record belongs to the meeting's cell.
     */
    @Nullable MotionSubject of(Meeting meeting, MotionRequest request) {
        return switch (request.kind()) {
            case RESOLUTION, ELECTION -> null;
            case ADMISSION -> new MotionSubject(null, applicantName(request.applicantName()));
            case RECOGNITION -> {
                Member member = probationaryMember(meeting, request.probationaryMember());
                yield new MotionSubject(member.id(), member.fullName());
            }
            case DISCIPLINE -> {
                Member member = disciplinedMember(meeting, request.disciplinedMember());
                yield new MotionSubject(member.id(), member.fullName());
            }
        };
    }

    /** Fails if a motion of the meeting already decides, or is deciding, about the same person. */
    void requireFirstVoteOn(MotionSubject subject, List<Motion> motionsOfMeeting) {
        String folded = VietnameseText.fold(subject.fullName());
        for (Motion motion : motionsOfMeeting) {
            MotionSubject other = motion.subject();
            if (other == null) {
                continue;
            }
            boolean sameMember = subject.memberId() != null && subject.memberId().equals(other.memberId());
            boolean sameApplicant = subject.memberId() == null && other.memberId() == null
                    && folded.equals(VietnameseText.fold(other.fullName()));
            if (sameMember || sameApplicant) {
                throw new PersonAlreadyVotedOn(subject.fullName());
            }
        }
    }

    /** Returns the members whose record the cell keeps, whom a discipline vote may concern. */
    List<Member> disciplinableOf(Meeting meeting) {
        return members.ownMembers(meeting.cellId());
    }

    /** Returns the probationary members of the cell, whom a recognition vote may concern. */
    List<Member> probationaryOf(Meeting meeting) {
        return members.ownMembers(meeting.cellId()).stream()
                .filter(Member::isProbationary)
                .toList();
    }

    /**
     * Returns the text cleaned of surplus white space, and fails with the first message key when
     * nothing is left or with the second, naming the limit, when it is longer than allowed.
     */
    static String requiredText(@Nullable String text, int maxLength, String missingKey, String tooLongKey) {
        String cleaned = text == null ? null : VietnameseText.cleanOrNull(text);
        if (cleaned == null) {
            throw new InvalidMotion(missingKey);
        }
        if (cleaned.length() > maxLength) {
            throw new InvalidMotion(tooLongKey, maxLength);
        }
        return cleaned;
    }

    private static String applicantName(@Nullable String name) {
        return requiredText(name, NAME_MAX_LENGTH, "voting.error.applicantMissing", "voting.error.applicantTooLong");
    }

    private Member disciplinedMember(Meeting meeting, @Nullable MemberId id) {
        if (id == null) {
            throw new InvalidMotion("voting.error.disciplinedMemberMissing");
        }
        return members.find(id)
                .filter(found -> found.cellId().equals(meeting.cellId()))
                .orElseThrow(() -> new InvalidMotion("voting.error.disciplinedMemberInvalid"));
    }

    private Member probationaryMember(Meeting meeting, @Nullable MemberId id) {
        if (id == null) {
            throw new InvalidMotion("voting.error.recognitionMemberMissing");
        }
        Optional<Member> member = members.find(id).filter(found -> found.cellId().equals(meeting.cellId()));
        if (member.isEmpty() || !member.get().isProbationary()) {
            throw new InvalidMotion("voting.error.notProbationary");
        }
        return member.get();
    }
}
