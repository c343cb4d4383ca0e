package vn.chibo.voting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.ActivityStatus;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.Formats;
import vn.chibo.system.NotFoundException;

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
    private final Meetings meetings;
    private final Members members;
    private final VotingPermissions permissions;
    private final MessageSource messages;
    private final Formats formats;

    Motions(MotionStore store, Meetings meetings, Members members, VotingPermissions permissions,
            MessageSource messages, Formats formats) {
        this.store = store;
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
        Set<MotionId> voted = store.votedBy(member.get().id(), open.stream().map(Motion::id).toList());
        return open.stream()
                .filter(motion -> !voted.contains(motion.id()))
                .filter(motion -> permissions.canView(actor, meetings.get(motion.meetingId())))
                .filter(motion -> permissions.standingOf(actor, motion).mayVote())
                .toList();
    }

    /** Returns how many ballots the motion has, without saying how they split. */
    public int ballotsCast(MotionId motion) {
        return store.ballotsCast(motion);
    }

    /** Returns the choice the actor cast on the motion, if any. */
    public Optional<BallotChoice> choiceOf(Actor actor, Motion motion) {
        MemberId member = permissions.voterOf(actor, motion).memberId();
        return member == null ? Optional.empty() : store.choiceOf(motion.id(), member);
    }

    /** Returns a meeting's planned start as dd/MM/yyyy HH:mm in the application's zone, naming the zone. */
    public String plannedStart(Instant startsAt) {
        return formats.inZone(START.format(formats.local(startsAt)), startsAt);
    }

    /** Returns the title a vote on the meeting's resolution starts with, in Vietnamese. */
    public String suggestedTitle(Meeting meeting) {
        String month = MONTH.format(formats.local(meeting.startsAt()));
        return messages.getMessage("voting.motion.suggestedTitle", new Object[] { month }, VIETNAMESE);
    }
}
