package vn.chibo.member;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.chibo.organization.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate ADMITTED = LocalDate.of(2025, 3, 1);

    @ParameterizedTest(name = "{0}/{1} to {2}/{3}: {4}")
    @CsvSource({
            "PROBATIONARY, ACTIVE,      OFFICIAL,     ACTIVE,      ",
            "OFFICIAL,     ACTIVE,      OFFICIAL,     EXEMPT,      ",
            "OFFICIAL,     ACTIVE,      OFFICIAL,     SUSPENDED,   ",
            "OFFICIAL,     EXEMPT,      OFFICIAL,     ACTIVE,      ",
            "OFFICIAL,     EXEMPT,      OFFICIAL,     SUSPENDED,   ",
            "OFFICIAL,     SUSPENDED,   OFFICIAL,     ACTIVE,      ",
            "OFFICIAL,     ATTACHED_IN, OFFICIAL,     SUSPENDED,   ",
            "OFFICIAL,     ACTIVE,      OFFICIAL,     ACTIVE,      member.status.error.unchanged",
            "OFFICIAL,     ACTIVE,      PROBATIONARY, ACTIVE,      member.status.error.backToProbation",
            "OFFICIAL,     ACTIVE,      OFFICIAL,     SENT_OUT,    member.status.error.activityTransition",
            "OFFICIAL,     ACTIVE,      OFFICIAL,     ATTACHED_IN, member.status.error.activityTransition",
            "OFFICIAL,     SENT_OUT,    OFFICIAL,     ACTIVE,      member.status.error.activityTransition",
            "OFFICIAL,     SUSPENDED,   OFFICIAL,     EXEMPT,      member.status.error.activityTransition",
            "OFFICIAL,     ATTACHED_IN, OFFICIAL,     ACTIVE,      member.status.error.activityTransition",
    })
    void decisionsFollowTransitionTable(MembershipStatus fromMembership, ActivityStatus fromActivity,
            MembershipStatus toMembership, ActivityStatus toActivity, String expectedError) {
        var current = new StatusRules.Current(fromMembership, fromActivity, ADMITTED, ADMITTED);

        var check = assertThatCode(() -> StatusRules.checkDecision(current, toMembership, toActivity,
                LocalDate.of(2026, 4, 1), TODAY));

        if (expectedError == null) {
            check.doesNotThrowAnyException();
        }
        else {
            check.isInstanceOf(InvalidStatusChange.class).hasMessage(expectedError);
        }
    }

    @ParameterizedTest(name = "recognized on {0}: {1}")
    @CsvSource({
            "2026-02-28, member.status.error.probationNotOver",
            "2026-03-01, ",
            "2026-06-15, ",
            "2026-06-16, member.status.error.future",
    })
    void recognitionWaitsTwelveMonths(LocalDate effective, String expectedError) {
        var current = new StatusRules.Current(MembershipStatus.PROBATIONARY, ActivityStatus.ACTIVE, ADMITTED, ADMITTED);

        var check = assertThatCode(() -> StatusRules.checkDecision(current, MembershipStatus.OFFICIAL,
                ActivityStatus.ACTIVE, effective, TODAY));

        if (expectedError == null) {
            check.doesNotThrowAnyException();
        }
        else {
            check.isInstanceOf(InvalidStatusChange.class).hasMessage(expectedError);
        }
    }

    @ParameterizedTest(name = "step on {0} after one on 2026-01-10: {1}")
    @CsvSource({
            "2025-02-01, member.status.error.beforeAdmission",
            "2026-01-09, member.status.error.beforeLatest",
            "2026-01-10, ",
    })
    void stepsAreWrittenForward(LocalDate effective, String expectedError) {
        var current = new StatusRules.Current(MembershipStatus.OFFICIAL, ActivityStatus.ACTIVE, ADMITTED,
                LocalDate.of(2026, 1, 10));

        var check = assertThatCode(() -> StatusRules.checkDecision(current, MembershipStatus.OFFICIAL,
                ActivityStatus.EXEMPT, effective, TODAY));

        if (expectedError == null) {
            check.doesNotThrowAnyException();
        }
        else {
            check.isInstanceOf(InvalidStatusChange.class).hasMessage(expectedError);
        }
    }

    @ParameterizedTest(name = "{0}: send out {1}, return {2}, transfer {3}")
    @CsvSource({
            "ACTIVE,      true,  false, true",
            "EXEMPT,      false, false, true",
            "SUSPENDED,   false, false, true",
            "SENT_OUT,    false, true,  false",
            "ATTACHED_IN, false, false, false",
    })
    void transfersDependOnActivity(ActivityStatus activity, boolean sendOut, boolean returnHome, boolean transfer) {
        var current = new StatusRules.Current(MembershipStatus.OFFICIAL, activity, ADMITTED, ADMITTED);
        LocalDate effective = LocalDate.of(2026, 5, 1);

        assertThat(allowed(() -> StatusRules.checkSendOut(current, effective, TODAY))).isEqualTo(sendOut);
        assertThat(allowed(() -> StatusRules.checkReturn(current, effective, TODAY))).isEqualTo(returnHome);
        assertThat(allowed(() -> StatusRules.checkTransfer(current, effective, TODAY))).isEqualTo(transfer);
    }

    @Test
    void latestStepByDateIsInForce() {
        var recorded = step(1, StatusChangeKind.RECORDED, LocalDate.of(2024, 1, 1), ActivityStatus.ACTIVE);
        var exempt = step(3, StatusChangeKind.STATUS, LocalDate.of(2025, 5, 1), ActivityStatus.EXEMPT);
        var backdatedEarlier = step(4, StatusChangeKind.STATUS, LocalDate.of(2024, 6, 1), ActivityStatus.SUSPENDED);
        var sameDayLater = step(5, StatusChangeKind.STATUS, LocalDate.of(2025, 5, 1), ActivityStatus.ACTIVE);

        assertThat(StatusRules.inForce(List.of(recorded, exempt, backdatedEarlier)).activityStatus())
                .isEqualTo(ActivityStatus.EXEMPT);
        assertThat(StatusRules.inForce(List.of(sameDayLater, recorded, exempt)).activityStatus())
                .isEqualTo(ActivityStatus.ACTIVE);
        assertThat(StatusRules.inOrder(List.of(exempt, backdatedEarlier, recorded)))
                .extracting(StatusChange::id).containsExactly(1L, 4L, 3L);
    }

    @Test
    void decisionNeedsWhoDecided() {
        assertThatThrownBy(() -> new StatusDecision(TODAY, "  ", null))
                .isInstanceOf(InvalidStatusChange.class).hasMessage("member.status.error.decidedByMissing");
        assertThatThrownBy(() -> new StatusDecision(TODAY, "Chi bộ", "x".repeat(201)))
                .isInstanceOf(InvalidStatusChange.class).hasMessage("member.status.error.tooLong");
        assertThat(new StatusDecision(TODAY, " Chi bộ  thôn ", " ").resolution()).isNull();
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        }
        catch (InvalidStatusChange rejected) {
            return false;
        }
    }

    private static StatusChange step(long id, StatusChangeKind kind, LocalDate effective, ActivityStatus activity) {
        return new StatusChange(id, MemberId.of(7), OrganizationId.of(1), kind, effective, MembershipStatus.OFFICIAL,
                activity, null, null, null, null, null, null, Instant.EPOCH);
    }
}
