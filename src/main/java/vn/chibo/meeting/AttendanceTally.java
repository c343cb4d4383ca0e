package vn.chibo.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;

/**
 * The attendance figures of a meeting and what they mean for votes.
 *
 * <p>Totals by category follow the minutes' form: the whole roster, official and probationary
 * members, members attached in from other units, sent out, exempt and suspended, then who is
 * present in the room and online and who is absent with or without an approved reason. Absentees
 * are counted among the members the cell expects: those neither exempt, sent out nor suspended.
 *
 * <p>Only official members vote, and of them not those sent out (they vote where they are active)
 * nor those suspended. An exempt member who attends may vote. A resolution needs more than half of
 * the denominator: the official members less those sent out, those exempt and absent, those
 * suspended, and those absent for the whole meeting with an approved reason.
 *
 * @param notRecorded expected members whom the roll has not marked yet
 * @param eligibleVotersPresent official members present who may vote here
 * @param votesNeeded the smallest number of votes in favour that is more than half the denominator
 */
public record AttendanceTally(int total, int official, int probationary, int attachedIn, int sentOut, int exempt,
        int suspended, int expected, int presentInPerson, int presentOnline, int probationaryPresent,
        List<MemberId> absentExcused, List<MemberId> absentUnexcused, List<MemberId> notRecorded,
        int eligibleVotersPresent, int denominator, int votesNeeded, List<DenominatorExclusion> exclusions) {

    public AttendanceTally {
        absentExcused = List.copyOf(absentExcused);
        absentUnexcused = List.copyOf(absentUnexcused);
        notRecorded = List.copyOf(notRecorded);
        exclusions = List.copyOf(exclusions);
    }

    public int present() {
        return presentInPerson + presentOnline;
    }

    /** Returns whether enough eligible voters are present for a resolution to pass at all. */
    public boolean resolutionCanPass() {
        return denominator > 0 && eligibleVotersPresent >= votesNeeded;
    }

    /** Returns the smallest count that is more than half of the denominator. */
    public static int moreThanHalfOf(int denominator) {
        return denominator / 2 + 1;
    }

    /**
     * Counts a roster against a roll.
     *
     * @param roster the cell's members
     * @param roll the marks the roll has so far; members without one are not recorded yet
     */
    public static AttendanceTally of(List<Member> roster, Map<MemberId, AttendanceStatus> roll) {
        var counts = new Counts();
        for (Member member : roster) {
            counts.add(member, roll.get(member.id()));
        }
        return new AttendanceTally(roster.size(), counts.official, counts.probationary, counts.attachedIn,
                counts.sentOut, counts.exempt, counts.suspended, counts.expected, counts.presentInPerson,
                counts.presentOnline, counts.probationaryPresent, counts.absentExcused, counts.absentUnexcused,
                counts.notRecorded, counts.eligibleVotersPresent, counts.official - counts.exclusions.size(),
                moreThanHalfOf(counts.official - counts.exclusions.size()), counts.exclusions);
    }

    /** Returns whether the member may cast a vote at a meeting where the roll marks them so. */
    public static boolean mayVote(Member member, AttendanceStatus mark) {
        return member.isOfficial() && mark.isPresent() && member.activityStatus() != ActivityStatus.SENT_OUT
                && member.activityStatus() != ActivityStatus.SUSPENDED;
    }

    private static final class Counts {

        int official;
        int probationary;
        int attachedIn;
        int sentOut;
        int exempt;
        int suspended;
        int expected;
        int presentInPerson;
        int presentOnline;
        int probationaryPresent;
        int eligibleVotersPresent;
        final List<MemberId> absentExcused = new ArrayList<>();
        final List<MemberId> absentUnexcused = new ArrayList<>();
        final List<MemberId> notRecorded = new ArrayList<>();
        final List<DenominatorExclusion> exclusions = new ArrayList<>();

        void add(Member member, @Nullable AttendanceStatus mark) {
            countComposition(member);
            countPresence(member, mark);
            if (member.isOfficial()) {
                exclusionOf(member, mark).ifPresent(reason -> exclusions.add(
                        new DenominatorExclusion(member.id(), reason)));
            }
        }

        private void countComposition(Member member) {
            if (member.isOfficial()) {
                official++;
            }
            else {
                probationary++;
            }
            switch (member.activityStatus()) {
                case ATTACHED_IN -> attachedIn++;
                case SENT_OUT -> sentOut++;
                case EXEMPT -> exempt++;
                case SUSPENDED -> suspended++;
                case ACTIVE -> {
                }
            }
            if (member.isExpectedAtMeetings()) {
                expected++;
            }
        }

        private void countPresence(Member member, @Nullable AttendanceStatus mark) {
            if (mark != null && mark.isPresent()) {
                if (mark == AttendanceStatus.PRESENT_IN_PERSON) {
                    presentInPerson++;
                }
                else {
                    presentOnline++;
                }
                if (member.isProbationary()) {
                    probationaryPresent++;
                }
                if (mayVote(member, mark)) {
                    eligibleVotersPresent++;
                }
                return;
            }
            if (!member.isExpectedAtMeetings()) {
                return;
            }
            if (mark == null) {
                notRecorded.add(member.id());
            }
            else if (mark == AttendanceStatus.ABSENT_EXCUSED) {
                absentExcused.add(member.id());
            }
            else {
                absentUnexcused.add(member.id());
            }
        }

        private static Optional<DenominatorExclusion.Reason> exclusionOf(Member member,
                @Nullable AttendanceStatus mark) {
            boolean present = mark != null && mark.isPresent();
            return Optional.ofNullable(switch (member.activityStatus()) {
                case SENT_OUT -> DenominatorExclusion.Reason.SENT_OUT;
                case SUSPENDED -> DenominatorExclusion.Reason.SUSPENDED;
                case EXEMPT -> present ? null : DenominatorExclusion.Reason.EXEMPT_ABSENT;
                case ACTIVE, ATTACHED_IN -> mark == AttendanceStatus.ABSENT_EXCUSED
                        ? DenominatorExclusion.Reason.EXCUSED_ABSENCE
                        : null;
            });
        }
    }
}
