package vn.chibo.voting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.MemberId;

/** Opens votes, records ballots or counts of raised hands, and closes votes with their frozen result. */
@Component
public class MotionManagement {

    static final int TITLE_MAX_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(MotionManagement.class);

    private final MotionStore store;
    private final SecretBallotStore secretStore;
    private final MotionSubjects subjects;
    private final BallotOptions ballotOptions;
    private final DisciplineThresholds thresholds;
    private final Motions motions;
    private final Meetings meetings;
    private final VotingPermissions permissions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MotionManagement(MotionStore store, SecretBallotStore secretStore, MotionSubjects subjects,
            BallotOptions ballotOptions, DisciplineThresholds thresholds, Motions motions, Meetings meetings,
            VotingPermissions permissions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.secretStore = secretStore;
        this.subjects = subjects;
        this.ballotOptions = ballotOptions;
        this.thresholds = thresholds;
        this.motions = motions;
        this.meetings = meetings;
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens an electronic vote on the resolution of a meeting in progress (started by its chair). Only
     * the chair, or whoever runs the cell, may, and only while no other vote of the meeting is open.
     */
    @Transactional
    public MotionId open(Actor actor, MeetingId meetingId, @Nullable String title) {
        return open(actor, meetingId, MotionRequest.resolution(title));
    }

    /**
     * Opens a vote of any kind and method, with the checks of {@link #open(Actor, MeetingId, String)}.
     * A vote on a person also needs that no other motion of the meeting concerns the same person.
     */
    @Transactional
    public MotionId open(Actor actor, MeetingId meetingId, MotionRequest request) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireRunVotes(actor, meeting);
        // MotionRequest.parse checks both for form and API input; a request built in code is checked here.
        if (request.kind().listsOptions() && request.method() != VotingMethod.SECRET) {
            throw new InvalidMotion("voting.error.secretRequired");
        }
        if (request.kind() == MotionKind.ELECTION && request.seats() == null) {
            throw new InvalidMotion("voting.error.seatsInvalid", MotionRequest.MAX_SEATS);
        }
        MotionSubject subject = subjects.of(meeting, request);
        List<BallotOption> options = ballotOptions.of(meeting, request, subject);
        ElectionSeats election = request.kind() == MotionKind.ELECTION
                ? new ElectionSeats(request.seats(), ElectionRound.FIRST, null) : null;
        String cleanTitle = checkTitle(request.kind() == MotionKind.ELECTION
                ? motions.electionTitleOrDefault(request.title(), request.seats(), options.size())
                : subject == null ? request.title() : motions.titleOrDefault(request.kind(), request.title(), subject));

        Meeting locked = meetings.lock(meetingId);
        if (!locked.isInProgress()) {
            throw new MeetingNotInSession();
        }
        if (store.openOf(meetingId).isPresent()) {
            throw new MotionAlreadyOpen();
        }
        if (subject != null) {
            subjects.requireFirstVoteOn(subject, store.ofMeeting(meetingId));
        }
        MotionId id = store.insert(meetingId, meeting.cellId(), request.kind(), request.method(), subject, cleanTitle,
                actor.accountId().value(), clock.instant(), election, options);
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "motion.opened", "motion",
                id.value(), "meeting=" + meetingId + " kind=" + request.kind() + " method=" + request.method()
                        + (subject != null && subject.memberId() != null ? " subject=" + subject.memberId() : "")));
        votesChanged(meetingId);
        log.info("Motion {} ({}, {}) opened at meeting {} by account {}", id, request.kind(), request.method(),
                meetingId, actor.accountId());
        return id;
    }

    /**
     * Opens the next round of an election whose latest round closed without filling its seats. That is
     * a runoff among the candidates tied for the last seats, or else a further round for the unfilled
     * seats among the candidates not elected. The chair decides whether the cell holds it.
     */
    @Transactional
    public MotionId openNextRound(Actor actor, MotionId previousId) {
        Motion previous = motions.get(previousId);
        Meeting meeting = meetings.get(previous.meetingId());
        permissions.requireRunVotes(actor, meeting);
        NextRound next = nextRoundOf(previous);

        Meeting locked = meetings.lock(meeting.id());
        if (!locked.isInProgress()) {
            throw new MeetingNotInSession();
        }
        if (store.openOf(meeting.id()).isPresent()) {
            throw new MotionAlreadyOpen();
        }
        MotionId first = previous.firstRoundOfElection();
        List<Motion> later = store.laterRoundsOf(first);
        if (!Motions.isLatestRound(previous, later)) {
            throw new NextRoundNotPossible("voting.error.notLatestRound");
        }
        String title = motions.roundTitle(motions.get(first).title(), later.size() + 2, next.round());
        MotionId id = store.insert(meeting.id(), meeting.cellId(), MotionKind.ELECTION, VotingMethod.SECRET, null,
                title, actor.accountId().value(), clock.instant(), new ElectionSeats(next.seats(), next.round(), first),
                next.candidates());
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "motion.opened", "motion",
                id.value(), "meeting=" + meeting.id() + " kind=ELECTION method=SECRET round=" + next.round()
                        + " after=" + previous.id()));
        votesChanged(meeting.id());
        log.info("Election round {} ({}, {} seats) opened after motion {} by account {}", id, next.round(),
                next.seats(), previous.id(), actor.accountId());
        return id;
    }

    /**
     * Returns the round that may follow a closed election round, or fails naming why none may: it is
     * not a closed election round, it filled all its seats, or no candidate is left to stand.
     */
    static NextRound nextRoundOf(Motion previous) {
        if (!previous.isElection()) {
            throw new NextRoundNotPossible("voting.error.notElection");
        }
        MotionResult result = previous.result();
        if (result == null) {
            throw new NextRoundNotPossible("voting.error.roundStillOpen");
        }
        int left = previous.election().seats() - result.elected().size();
        if (!result.runoff().isEmpty()) {
            return new NextRound(ElectionRound.RUNOFF, left, renumbered(result.runoff()));
        }
        if (left == 0) {
            throw new NextRoundNotPossible("voting.error.allSeatsFilled");
        }
        List<OptionResult> notElected = result.options().stream().filter(option -> !option.elected()).toList();
        if (notElected.isEmpty()) {
            throw new NextRoundNotPossible("voting.error.noCandidatesLeft");
        }
        return new NextRound(ElectionRound.FURTHER, Math.min(left, notElected.size()), renumbered(notElected));
    }

    private static List<BallotOption> renumbered(List<OptionResult> candidates) {
        var options = new ArrayList<BallotOption>();
        for (OptionResult candidate : candidates) {
            options.add(new BallotOption(options.size() + 1, candidate.label(), candidate.option().memberId(), null));
        }
        return options;
    }

    /** The round that may follow a closed election round: its kind, its seats and its candidates. */
    record NextRound(ElectionRound round, int seats, List<BallotOption> candidates) {
    }

    /**
     * Checks, storing nothing, that the actor could cast this ballot now. The step that shows a choice
     * back for confirmation calls it. It fails as {@link #cast} would, except that an earlier ballot
     * of the same choice passes.
     */
    @Transactional(readOnly = true)
    public void checkBallot(Actor actor, MotionId id, BallotChoice choice) {
        Motion motion = motions.visibleTo(actor, id);

        if (!motion.method().takesBallots()) {
            throw new WrongVotingMethod("voting.error.showOfHandsNoBallots");
        }
        if (motion.listsOptions()) {
            throw new WrongVotingMethod("voting.error.listBallotNeedsMarks");
        }
        if (!motion.isOpen()) {
            throw new MotionNotOpen();
        }
        MemberId member = permissions.eligibleMember(actor, motion);
        if (motion.isSecret()) {
            if (secretStore.isOnRoll(id, member)) {
                throw new SecretBallotAlreadyCast();
            }
            return;
        }
        Optional<BallotChoice> recorded = store.choiceOf(id, member);
        if (recorded.isPresent() && recorded.get() != choice) {
            throw new BallotAlreadyCast(recorded.get());
        }
    }

    /**
     * Records the actor's ballot in an open electronic vote. A repeat of the same choice changes
     * nothing and reports that the ballot was already recorded; another choice after one was recorded
     * is rejected. A secret ballot goes through {@link SecretBallots#cast} instead.
     */
    @Transactional
    public BallotReceipt cast(Actor actor, MotionId id, BallotChoice choice) {
        Motion motion = motions.visibleTo(actor, id);

        requireElectronic(motion);
        if (store.lockForBallot(id) != MotionStatus.OPEN) {
            throw new MotionNotOpen();
        }
        MemberId member = permissions.eligibleMember(actor, motion);
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
        votesChanged(motion.meetingId());
        log.debug("Motion {}: ballot of member {} recorded", id, member);
        return BallotReceipt.RECORDED;
    }

    /**
     * Closes an open electronic vote and freezes its result against the attendance figures of this
     * moment: the denominator, the votes needed and who was taken out of the denominator.
     */
    @Transactional
    public MotionResult close(Actor actor, MotionId id) {
        Motion motion = motions.get(id);
        Meeting meeting = meetings.get(motion.meetingId());
        permissions.requireRunVotes(actor, meeting);
        if (motion.isShowOfHands()) {
            throw new WrongVotingMethod("voting.error.showOfHandsNeedsCount");
        }

        if (!store.markClosed(id, actor.accountId().value(), clock.instant())) {
            throw new MotionNotOpen();
        }
        AttendanceTally tally = meetings.tally(meeting.id());
        if (motion.listsOptions()) {
            return closeList(actor, motion, meeting, tally);
        }
        Map<BallotChoice, Integer> counts = motion.isSecret() ? secretStore.countByChoice(id) : store.countByChoice(id);
        Set<MemberId> voters = motion.isSecret() ? secretStore.rollOf(id) : store.votersOf(id);
        if (motion.isSecret()) {
            requireRollMatchesBallots(id, voters.size(), counts);
            secretStore.reorder(id);
        }
        // Voters marked absent after casting keep their ballot and their place in the denominator.
        MotionResult result = MotionResult.ofBallots(motion.kind().threshold(), counts.get(BallotChoice.FOR),
                counts.get(BallotChoice.AGAINST), counts.get(BallotChoice.ABSTAIN), tally, voters,
                motions.eligiblePresentWith(meeting, voters));
        freeze(actor, motion, result);
        return result;
    }

    private MotionResult closeList(Actor actor, Motion motion, Meeting meeting, AttendanceTally tally) {
        SecretBallotStore.ListCount count = secretStore.countListBallots(motion.id());
        Set<MemberId> voters = secretStore.rollOf(motion.id());
        requireRollMatchesBallots(motion.id(), voters.size(), count.ballots());
        secretStore.reorder(motion.id());

        MotionResult result = MotionResult.ofList(motion, count.marked(), count.blank(), count.votes(), tally, voters,
                motions.eligiblePresentWith(meeting, voters), thresholds);
        freeze(actor, motion, result);
        return result;
    }

    /**
     * Records the chair's count of a show of hands and closes the vote with its result. The hands
     * may not outnumber the eligible voters present now; those who raised none count as not voting.
     */
    @Transactional
    public MotionResult recordShowOfHands(Actor actor, MotionId id, ShowOfHandsCount count) {
        Motion motion = motions.get(id);
        Meeting meeting = meetings.get(motion.meetingId());
        permissions.requireRunVotes(actor, meeting);
        if (!motion.isShowOfHands()) {
            throw new WrongVotingMethod("voting.error.electronicNoCount");
        }
        if (count.hasNegative()) {
            throw new InvalidShowOfHands("voting.error.countNegative");
        }
        if (!meeting.isInProgress()) {
            throw new MeetingNotInSession();
        }

        if (!store.markClosed(id, actor.accountId().value(), clock.instant())) {
            throw new MotionNotOpen();
        }
        AttendanceTally tally = meetings.tally(meeting.id());
        if (count.total() > tally.eligibleVotersPresent()) {
            // Thrown inside the transaction, so the vote stays open for a corrected count.
            throw new InvalidShowOfHands("voting.error.countExceedsPresent", count.total(),
                    tally.eligibleVotersPresent());
        }
        MotionResult result = MotionResult.ofShowOfHands(motion.kind().threshold(), count, tally);
        freeze(actor, motion, result);
        return result;
    }

    private void freeze(Actor actor, Motion motion, MotionResult result) {
        store.saveResult(motion.id(), result);
        votesChanged(motion.meetingId());
        audit.record(new AuditEntry(actor.accountId().value(), motion.cellId().value(), "motion.closed", "motion",
                motion.id().value(), "method=" + motion.method() + " for=" + result.votesFor() + " against="
                        + result.votesAgainst() + " abstain=" + result.abstentions() + " denominator="
                        + result.denominator() + " passed=" + result.passed()
                        + (result.options().isEmpty() ? "" : " lines=" + result.options().stream()
                                .map(option -> option.position() + ":" + option.votes() + ":" + option.outcome())
                                .collect(Collectors.joining(",")))));
        log.info("Motion {} closed by account {}: {} of {} needed votes in favour", motion.id(), actor.accountId(),
                result.votesFor(), result.votesNeeded());
    }

    /**
     * Fails, undoing the close, if the roll and the ballots of a secret ballot differ in number. Each
     * ballot and its roll entry are inserted in one transaction, so this would mean a defect or a
     * change made to the tables by hand.
     */
    private static void requireRollMatchesBallots(MotionId id, int rollSize, Map<BallotChoice, Integer> counts) {
        requireRollMatchesBallots(id, rollSize, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static void requireRollMatchesBallots(MotionId id, int rollSize, int ballots) {
        if (ballots != rollSize) {
            throw new IllegalStateException("Secret ballot " + id + " has " + ballots + " ballots but " + rollSize
                    + " names on its roll");
        }
    }

    /** Tells the meeting's live pages that its votes changed; the event carries no choice and no count. */
    private void votesChanged(MeetingId meetingId) {
        events.publishEvent(new MeetingRoomChanged(meetingId, MeetingRoomChanged.Part.VOTES));
    }

    private static void requireElectronic(Motion motion) {
        if (motion.isShowOfHands()) {
            throw new WrongVotingMethod("voting.error.showOfHandsNoBallots");
        }
        if (motion.isSecret()) {
            throw new WrongVotingMethod("voting.error.secretNeedsReceipt");
        }
    }

    private static String checkTitle(@Nullable String title) {
        return MotionSubjects.requiredText(title, TITLE_MAX_LENGTH, "voting.error.titleMissing",
                "voting.error.titleTooLong");
    }
}
