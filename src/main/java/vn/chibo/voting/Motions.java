package vn.chibo.voting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AttendanceTally;
import vn.chibo.meeting.DenominatorExclusion;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.meeting.RollMark;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.Formats;
import vn.chibo.system.NotFoundException;
import vn.chibo.system.VietnameseText;

/**
 * Reads motions and their results. A motion's result is null while its vote is open, so no page
 * can show a split before the chair closes the vote.
 */
@Component
public class Motions {

    /** Motion titles go into the minutes, which are always in Vietnamese. */
    private static final Locale VIETNAMESE = Locale.of("vi");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    /** A meeting's planned start as the messages about opening a vote give it: the date, then the 24-hour time. */
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final MotionStore store;
    private final SecretBallotStore secretStore;
    private final MotionSubjects subjects;
    private final BallotOptions ballotOptions;
    private final Meetings meetings;
    private final Members members;
    private final VotingPermissions permissions;
    private final MessageSource messages;
    private final Formats formats;

    Motions(MotionStore store, SecretBallotStore secretStore, MotionSubjects subjects, BallotOptions ballotOptions,
            Meetings meetings, Members members, VotingPermissions permissions, MessageSource messages,
            Formats formats) {
        this.store = store;
        this.secretStore = secretStore;
        this.subjects = subjects;
        this.ballotOptions = ballotOptions;
        this.meetings = meetings;
        this.members = members;
        this.permissions = permissions;
        this.messages = messages;
        this.formats = formats;
    }

    public Optional<Motion> find(MotionId id) {
        return store.find(id);
    }

    /** Returns the motion without checking who asks, or fails with not-found. */
    public Motion get(MotionId id) {
        return find(id).orElseThrow(NotFoundException::hidden);
    }

    /** Returns the motion if the actor may see its meeting, and fails with not-found otherwise. */
    public Motion visibleTo(Actor actor, MotionId id) {
        Motion motion = get(id);
        permissions.requireView(actor, meetings.get(motion.meetingId()));
        return motion;
    }

    /** Returns the motions of a meeting in the order they were put to the vote, with the results of closed ones. */
    public List<Motion> ofMeeting(MeetingId meeting) {
        return store.ofMeeting(meeting);
    }

    /** Returns the vote that is open at the meeting, if there is one. */
    public Optional<Motion> openOf(MeetingId meeting) {
        return store.openOf(meeting);
    }

    /** Returns the open votes on which the actor may cast a ballot and has not cast one yet, oldest first. */
    public List<Motion> openFor(Actor actor) {
        Optional<Member> member = actor.member().flatMap(id -> members.find(MemberId.of(id)));
        if (member.isEmpty()) {
            return List.of();
        }
        // A member sent out to another cell on the platform votes there, where the roster shows them as attached.
        Member record = member.get();
        boolean away = record.activityStatus() == ActivityStatus.SENT_OUT && record.hostCellId() != null;
        List<Motion> open = store.openInCell(away ? record.hostCellId() : record.cellId());
        List<MotionId> ids = open.stream().map(Motion::id).toList();
        var voted = new HashSet<MotionId>(store.votedBy(record.id(), ids));
        voted.addAll(secretStore.votedBy(record.id(), ids));
        return open.stream()
                .filter(motion -> !motion.isShowOfHands())
                .filter(motion -> !voted.contains(motion.id()))
                .filter(motion -> permissions.canView(actor, meetings.get(motion.meetingId())))
                .filter(motion -> permissions.standingOf(actor, motion).mayVote())
                .toList();
    }

    /** Returns how many ballots the motion has, without saying how they split. */
    public int ballotsCast(MotionId id) {
        Motion motion = get(id);
        return motion.isSecret() ? secretStore.rollSize(motion.id()) : store.ballotsCast(motion.id());
    }

    /**
     * Returns how many members have voted out of the eligible voters present, for any page, the
     * projector and the API. It counts only the roll, never the choices, so it may be shown while the
     * vote is open. A show of hands has no ballots, so it reports none voted.
     */
    public VoteProgress progressOf(Motion motion) {
        Meeting meeting = meetings.get(motion.meetingId());
        Set<MemberId> voters = motion.isSecret() ? secretStore.rollOf(motion.id()) : store.votersOf(motion.id());
        return new VoteProgress(voters.size(), eligiblePresentWith(meeting, voters));
    }

    /**
     * Returns the eligible voters present now, counting also every voter whom the roll no longer
     * marks so: a cast ballot keeps its voter in the base of the participation.
     */
    int eligiblePresentWith(Meeting meeting, Set<MemberId> voters) {
        Map<MemberId, RollMark> roll = meetings.roll(meeting.id());
        Set<MemberId> eligible = new HashSet<>(voters);
        for (Member member : meetings.rosterOf(meeting)) {
            RollMark mark = roll.get(member.id());
            if (mark != null && AttendanceTally.mayVote(member, mark.status())) {
                eligible.add(member.id());
            }
        }
        return eligible.size();
    }

    /**
     * Returns the choice the actor cast on an open vote, if any. It is always empty for a secret
     * ballot, whose choice nothing links to its voter. {@link #hasVoted} returns whether they voted.
     */
    public Optional<BallotChoice> choiceOf(Actor actor, Motion motion) {
        MemberId member = permissions.voterOf(actor, motion).memberId();
        if (member == null || motion.isSecret()) {
            return Optional.empty();
        }
        return store.choiceOf(motion.id(), member);
    }

    /** Returns whether the actor has cast a ballot on the motion, openly or on the roll of a secret ballot. */
    public boolean hasVoted(Actor actor, Motion motion) {
        MemberId member = permissions.voterOf(actor, motion).memberId();
        if (member == null) {
            return false;
        }
        return motion.isSecret() ? secretStore.isOnRoll(motion.id(), member)
                : store.choiceOf(motion.id(), member).isPresent();
    }

    /** Returns a meeting's planned start as dd/MM/yyyy HH:mm in the application's zone, naming the zone. */
    public String plannedStart(Instant startsAt) {
        return formats.inZone(START.format(formats.local(startsAt)), startsAt);
    }

    /**
     * Returns the title the chair entered, or when it is blank, a title in Vietnamese that names the
     * person the vote decides about.
     */
    String titleOrDefault(MotionKind kind, @Nullable String title, MotionSubject subject) {
        if (title != null && VietnameseText.cleanOrNull(title) != null) {
            return title;
        }
        return messages.getMessage("voting.motion.title." + kind, new Object[] { subject.fullName() }, VIETNAMESE);
    }

    /**
     * Returns the title the chair entered for an election, or when it is blank, one in Vietnamese that
     * gives the seats and the number of candidates.
     */
    String electionTitleOrDefault(@Nullable String title, int seats, int candidates) {
        if (title != null && VietnameseText.cleanOrNull(title) != null) {
            return title;
        }
        return messages.getMessage("voting.motion.title.ELECTION", new Object[] { seats, candidates }, VIETNAMESE);
    }

    /**
     * Returns the title of a later election round: the first round's title with the round's number and
     * kind, the first round's title shortened if the whole would not fit.
     */
    String roundTitle(String firstTitle, int number, ElectionRound round) {
        String suffix = messages.getMessage("voting.motion.title.round", new Object[] { number,
                messages.getMessage(round.messageKey(), null, VIETNAMESE) }, VIETNAMESE);
        int room = MotionManagement.TITLE_MAX_LENGTH - suffix.length();
        String base = firstTitle.length() <= room ? firstTitle : firstTitle.substring(0, room - 1).strip() + "…";
        return base + suffix;
    }

    /** Returns the members who may stand in an election of the meeting's cell, by name. */
    public List<Member> eligibleCandidates(Meeting meeting) {
        return ballotOptions.eligibleCandidates(meeting);
    }

    /** Returns the members of the meeting's cell whom a discipline vote may concern, by name. */
    public List<Member> disciplinableOf(Meeting meeting) {
        return subjects.disciplinableOf(meeting).stream().sorted(VietnameseText.byName(Member::fullName)).toList();
    }

    /**
     * Returns the round that may follow a closed election round, or empty when none may: the chair's
     * page offers to open it.
     */
    public Optional<ElectionRound> nextRoundOf(Motion motion) {
        if (!motion.isElection() || motion.result() == null) {
            return Optional.empty();
        }
        try {
            MotionManagement.NextRound next = MotionManagement.nextRoundOf(motion);
            return isLatestRound(motion, store.laterRoundsOf(motion.firstRoundOfElection()))
                    ? Optional.of(next.round()) : Optional.empty();
        }
        catch (NextRoundNotPossible none) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether the election round is its election's latest, given the rounds after the first: a
     * first round without later rounds, or the last of them.
     */
    static boolean isLatestRound(Motion round, List<Motion> laterRounds) {
        return laterRounds.isEmpty() || laterRounds.getLast().id().equals(round.id());
    }

    /** Returns the probationary members of the meeting's cell, whom a recognition vote may concern. */
    public List<Member> probationaryOf(Meeting meeting) {
        return subjects.probationaryOf(meeting);
    }

    /**
     * Returns the members taken out of the denominator of a closed vote, by name, ordered by reason
     * and then by name, or nothing while the vote is open.
     */
    public List<ExcludedMember> excludedOf(Motion motion) {
        if (motion.result() == null || motion.result().exclusions().isEmpty()) {
            return List.of();
        }
        List<DenominatorExclusion> exclusions = motion.result().exclusions();
        Map<MemberId, Member> byId = members.byIds(exclusions.stream().map(DenominatorExclusion::memberId).toList())
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Comparator<ExcludedMember> byName = VietnameseText.byName(ExcludedMember::fullName);
        return exclusions.stream()
                .filter(exclusion -> byId.containsKey(exclusion.memberId()))
                .map(exclusion -> new ExcludedMember(byId.get(exclusion.memberId()).fullName(), exclusion.reason()))
                .sorted(Comparator.comparing(ExcludedMember::reason).thenComparing(byName))
                .toList();
    }

    /** Returns the title a vote on the meeting's resolution starts with, in Vietnamese. */
    public String suggestedTitle(Meeting meeting) {
        String month = MONTH.format(formats.local(meeting.startsAt()));
        return messages.getMessage("voting.motion.suggestedTitle", new Object[] { month }, VIETNAMESE);
    }
}
