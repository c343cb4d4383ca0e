package vn.chibo.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InvalidInputException;
import vn.chibo.system.NotFoundException;

/**
 * Members' own attendance while a meeting is in progress: checking in by scanning the QR code of the
 * room's screen, joining online through the product, and leaving early. It also issues the code that
 * the screen shows. Pages and the API call the same methods, so both apply the same checks in the
 * same order: the meeting must be visible (else not found), the actor on the cell's roster, the
 * meeting in progress, and the code valid.
 */
@Component
public class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

    private final Meetings meetings;
    private final MeetingPermissions permissions;
    private final Attendances attendances;
    private final CheckInCodes codes;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<VideoConference> video;
    private final TransactionTemplate transactions;

    CheckIns(Meetings meetings, MeetingPermissions permissions, Attendances attendances, CheckInCodes codes,
            AuditLog audit, Clock clock, ObjectProvider<VideoConference> video,
            PlatformTransactionManager transactionManager) {
        this.meetings = meetings;
        this.permissions = permissions;
        this.attendances = attendances;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
        this.video = video;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The code the check-in screen shows.
     *
     * @param millisUntilNext how long the code stays the current one
     * @param periodSeconds how long each code is the current one
     */
    public record Code(String value, long millisUntilNext, long periodSeconds) {
    }

    /**
     * A member's attendance after checking in or joining.
     *
     * @param changed false when the member was already present and nothing was written
     * @param onlineLink the address to open for joining online: the video conference's join address, or the
     *        meeting's stored link without a provider; null after a check-in in the room
     */
    public record Arrival(AttendanceStatus status, Instant arrivedAt, boolean late, boolean changed,
            @Nullable String onlineLink) {
    }

    /** Returns the current code for the check-in screen, for the chair and those who run the cell. */
    public Code code(Actor actor, MeetingId id) {
        Meeting meeting = meetings.get(id);
        permissions.requireChair(actor, meeting);
        requireInProgress(meeting);

        return new Code(codes.current(id), codes.millisUntilNext(), codes.periodSeconds());
    }

    /**
     * Checks, without writing, that the actor may check in with the code now, and returns the actor's
     * mark so far. Fails as {@link #checkIn} would.
     */
    public Optional<RollMark> requireCheckIn(Actor actor, MeetingId id, @Nullable String code) {
        Meeting meeting = meetings.get(id);
        Member member = requireAttendee(actor, meeting);
        requireInProgress(meeting);
        requireValid(id, code);

        return attendances.of(id, member.id());
    }

    /** Marks the actor present in the room, given the code scanned from the check-in screen. */
    @Transactional
    public Arrival checkIn(Actor actor, MeetingId id, @Nullable String code) {
        // A shared lock keeps a check-in from overlapping the close, without queueing the cell's check-ins.
        Meeting meeting = meetings.lockShared(id);
        Member member = requireAttendee(actor, meeting);
        requireInProgress(meeting);
        requireValid(id, code);

        return arrive(actor, meeting, member, AttendanceStatus.PRESENT_IN_PERSON, "attendance.checkedIn");
    }

    /**
     * Marks the actor present online and returns the address to open: the video conference's join
     * address when a provider is configured, else the meeting's stored link. The provider is asked
     * before the roll is written, outside the transaction, so that a slow provider holds no lock and a
     * failing one leaves the roll unchanged.
     *
     * @throws VideoConferenceUnavailable when the provider cannot open the room
     */
    public Arrival joinOnline(Actor actor, MeetingId id) {
        Meeting meeting = meetings.get(id);
        Member member = requireAttendee(actor, meeting);
        requireInProgress(meeting);
        VideoConference conference = video.getIfAvailable();
        String address = conference == null ? storedLink(meeting)
                : joinAddress(conference, actor, meeting, member).toString();

        Arrival arrival = transactions.execute(status -> {
            Meeting locked = meetings.lockShared(id);
            Member attendee = requireAttendee(actor, locked);
            requireInProgress(locked);
            return arrive(actor, locked, attendee, AttendanceStatus.PRESENT_ONLINE, "attendance.joinedOnline");
        });
        return new Arrival(arrival.status(), arrival.arrivedAt(), arrival.late(), arrival.changed(), address);
    }

    private static String storedLink(Meeting meeting) {
        String link = meeting.onlineLink();
        if (!meeting.mode().hasOnlineLink() || link == null) {
            throw new ConflictException("meeting.checkIn.error.notOnline");
        }
        return link;
    }

    private URI joinAddress(VideoConference conference, Actor actor, Meeting meeting, Member member) {
        if (!meeting.mode().hasOnlineLink()) {
            throw new ConflictException("meeting.checkIn.error.notOnline");
        }
        var participant = new VideoConference.Participant(member.id(), member.fullName(),
                permissions.canChair(actor, meeting));
        URI address = conference.joinAddress(meeting, participant);
        log.info("Meeting {}: member {} joins the {} room{}", meeting.id(), member.id(), conference.provider(),
                participant.moderator() ? " as moderator" : "");
        return address;
    }

    /** Records that the actor, a present member, leaves the meeting now. */
    @Transactional
    public void leave(Actor actor, MeetingId id) {
        Meeting meeting = meetings.lock(id);
        Member member = requireAttendee(actor, meeting);
        requireInProgress(meeting);

        recordLeave(actor, meeting, member.id());
    }

    /** Records that a present member leaves the meeting now, as the secretary saw it. */
    @Transactional
    public void recordLeave(Actor actor, MeetingId id, MemberId memberId) {
        Meeting meeting = meetings.lock(id);
        permissions.requireManage(actor, meeting);
        meetings.rosterOf(meeting).stream()
                .filter(member -> member.id().equals(memberId))
                .findFirst()
                .orElseThrow(NotFoundException::hidden);
        requireInProgress(meeting);

        recordLeave(actor, meeting, memberId);
    }

    private void recordLeave(Actor actor, Meeting meeting, MemberId memberId) {
        if (!attendances.leave(meeting.id(), memberId, actor.accountId().value(), clock.instant())) {
            throw new ConflictException("meeting.checkIn.error.notPresent");
        }
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "attendance.left", "meeting",
                meeting.id().value(), "member=" + memberId));
        log.info("Meeting {}: member {} left early, recorded by account {}", meeting.id(), memberId, actor.accountId());
    }

    private Arrival arrive(Actor actor, Meeting meeting, Member member, AttendanceStatus status, String action) {
        Instant now = clock.instant();
        Arrivals.Outcome outcome = attendances.arrive(meeting.id(), member.id(), status, actor.accountId().value(), now);
        if (outcome.changed()) {
            audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), action, "meeting",
                    meeting.id().value(), "member=" + member.id() + " status=" + outcome.status()));
            log.info("Meeting {}: member {} is {}", meeting.id(), member.id(), outcome.status());
        }
        else {
            log.debug("Meeting {}: member {} was already {}", meeting.id(), member.id(), outcome.status());
        }
        // Read back, so that the time returned is the one stored, at the database's precision.
        RollMark mark = attendances.of(meeting.id(), member.id()).orElseThrow();
        Instant arrivedAt = mark.arrivedAt() == null ? outcome.arrivedAt() : mark.arrivedAt();
        return new Arrival(mark.status(), arrivedAt, mark.late(), outcome.changed(), null);
    }

    /** Returns the actor's member record, failing unless the actor is on the roster of the meeting's cell. */
    private Member requireAttendee(Actor actor, Meeting meeting) {
        permissions.requireView(actor, meeting);
        return permissions.memberOf(actor, meeting)
                .orElseThrow(() -> new ForbiddenException("meeting.checkIn.error.notMember"));
    }

    private void requireValid(MeetingId id, @Nullable String code) {
        switch (codes.verify(id, code)) {
            case VALID -> { }
            case EXPIRED -> throw new InvalidInputException("meeting.checkIn.error.codeExpired", codes.periodSeconds());
            case INVALID -> throw new InvalidInputException("meeting.checkIn.error.codeInvalid");
        }
    }

    private static void requireInProgress(Meeting meeting) {
        if (meeting.isInProgress()) {
            return;
        }
        if (meeting.isClosed()) {
            throw new ConflictException("meeting.checkIn.error.closed");
        }
        if (meeting.isCancelled()) {
            throw new ConflictException("meeting.checkIn.error.cancelled");
        }
        throw new ConflictException("meeting.checkIn.error.notStarted");
    }
}
