package vn.chibo.member;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.chibo.system.Formats;

/**
 * The rules of a member's status history: which status follows from the history, which changes a
 * decision may make, and on which dates.
 *
 * <ul>
 * <li>The status in force is that of the latest step, by effective date and then by the order of recording.</li>
 * <li>A step takes effect no later than today, not before the member's admission, and not before the
 *     latest step: the history is written forward, as decisions are taken.</li>
 * <li>A probationary member becomes official no earlier than 12 months after admission; an official
 *     member never becomes probationary again.</li>
 * <li>Decisions move the activity status between active, exempt and suspended as {@link #DECIDED} lists.
 *     Sending out and coming back are transfers of their own; a member attached from another unit is
 *     recorded as such by the roster, not by a decision here.</li>
 * <li>Only an active member is sent out; only a member sent out comes back; a member who is sent out or
 *     attached from outside is not transferred for good until back.</li>
 * </ul>
 */
final class StatusRules {

    /** Probation lasts 12 months from admission. */
    static final int PROBATION_MONTHS = 12;

    /** The activity statuses a decision may move a member from, to each other status. */
    static final Map<ActivityStatus, Set<ActivityStatus>> DECIDED = Map.of(
            ActivityStatus.ACTIVE, Set.of(ActivityStatus.EXEMPT, ActivityStatus.SUSPENDED),
            ActivityStatus.EXEMPT, Set.of(ActivityStatus.ACTIVE, ActivityStatus.SUSPENDED),
            ActivityStatus.SUSPENDED, Set.of(ActivityStatus.ACTIVE),
            ActivityStatus.ATTACHED_IN, Set.of(ActivityStatus.SUSPENDED),
            ActivityStatus.SENT_OUT, Set.of());

    private static final Comparator<StatusChange> ORDER = Comparator.comparing(StatusChange::effectiveDate)
            .thenComparingLong(StatusChange::id);

    private StatusRules() {
    }

    /** The status in force and the facts the rules check a new step against. */
    record Current(MembershipStatus membership, ActivityStatus activity, @Nullable LocalDate admissionDate,
            @Nullable LocalDate latestEffectiveDate) {
    }

    /** Returns the step in force: the latest by effective date, then by the order of recording. */
    static StatusChange inForce(List<StatusChange> history) {
        return history.stream().max(ORDER)
                .orElseThrow(() -> new IllegalArgumentException("A member's history has at least one step"));
    }

    /** Returns the history oldest first, as the member page shows it. */
    static List<StatusChange> inOrder(List<StatusChange> history) {
        return history.stream().sorted(ORDER).toList();
    }

    /** Checks a decision that changes the membership status, the activity status or both. */
    static void checkDecision(Current current, MembershipStatus membership, ActivityStatus activity,
            LocalDate effective, LocalDate today) {
        checkDate(current, effective, today);
        if (membership == current.membership() && activity == current.activity()) {
            throw new InvalidStatusChange("member.status.error.unchanged");
        }
        if (membership != current.membership()) {
            checkMembership(current, membership, effective);
        }
        if (activity != current.activity() && !DECIDED.get(current.activity()).contains(activity)) {
            throw new InvalidStatusChange("member.status.error.activityTransition",
                    resolvable(current.activity().messageKey()), resolvable(activity.messageKey()));
        }
    }

    /** Checks sending a member to be active in another unit for a while. */
    static void checkSendOut(Current current, LocalDate effective, LocalDate today) {
        checkDate(current, effective, today);
        if (current.activity() != ActivityStatus.ACTIVE) {
            throw new InvalidStatusChange("member.transfer.error.notActive", resolvable(current.activity().messageKey()));
        }
    }

    /** Checks the return of a member sent out. */
    static void checkReturn(Current current, LocalDate effective, LocalDate today) {
        checkDate(current, effective, today);
        if (current.activity() != ActivityStatus.SENT_OUT) {
            throw new InvalidStatusChange("member.transfer.error.notSentOut");
        }
    }

    /** Checks a permanent transfer to another cell. */
    static void checkTransfer(Current current, LocalDate effective, LocalDate today) {
        checkDate(current, effective, today);
        if (current.activity() == ActivityStatus.SENT_OUT || current.activity() == ActivityStatus.ATTACHED_IN) {
            throw new InvalidStatusChange("member.transfer.error.awayFirst", resolvable(current.activity().messageKey()));
        }
    }

    private static void checkMembership(Current current, MembershipStatus membership, LocalDate effective) {
        if (membership == MembershipStatus.PROBATIONARY) {
            throw new InvalidStatusChange("member.status.error.backToProbation");
        }
        LocalDate admitted = current.admissionDate();
        if (admitted != null && effective.isBefore(admitted.plusMonths(PROBATION_MONTHS))) {
            throw new InvalidStatusChange("member.status.error.probationNotOver", date(admitted),
                    date(admitted.plusMonths(PROBATION_MONTHS)));
        }
    }

    private static void checkDate(Current current, LocalDate effective, LocalDate today) {
        if (effective.isAfter(today)) {
            throw new InvalidStatusChange("member.status.error.future", date(effective));
        }
        LocalDate admitted = current.admissionDate();
        if (admitted != null && effective.isBefore(admitted)) {
            throw new InvalidStatusChange("member.status.error.beforeAdmission", date(effective), date(admitted));
        }
        LocalDate latest = current.latestEffectiveDate();
        if (latest != null && effective.isBefore(latest)) {
            throw new InvalidStatusChange("member.status.error.beforeLatest", date(effective), date(latest));
        }
    }

    private static String date(LocalDate date) {
        return Formats.DATE.format(date);
    }

    private static DefaultMessageSourceResolvable resolvable(String key) {
        return new DefaultMessageSourceResolvable(key);
    }
}
