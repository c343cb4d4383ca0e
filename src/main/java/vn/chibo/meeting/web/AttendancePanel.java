package vn.chibo.meeting.web;

import java.util.List;

import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.member.Member;

/**
 * The attendance figures of a meeting with the members behind them named, as the panel beside the
 * roll call shows them.
 *
 * @param notRecorded expected members the roll has not marked yet
 * @param exclusions official members taken out of the denominator, each with the reason
 */
record AttendancePanel(AttendanceTally tally, List<Member> notRecorded, List<Member> absentExcused,
        List<Member> absentUnexcused, List<Exclusion> exclusions) {

    record Exclusion(Member member, DenominatorExclusion.Reason reason) {
    }
}
