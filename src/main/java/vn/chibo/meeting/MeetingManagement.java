package vn.chibo.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.account.CellAccess;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;
import vn.chibo.organization.OrganizationId;
import vn.chibo.system.ConflictException;
import vn.chibo.system.Formats;
import vn.chibo.system.NotFoundException;

/** Schedules, publishes and closes meetings, and keeps their roll. */
@Component
public class MeetingManagement {

    /** Documents should reach members at least this long before the meeting. */
    public static final Duration DOCUMENTS_LEAD_TIME = Duration.ofDays(1);

    /** The maximum length of a reason for an absence or a cancellation, as the columns allow. */
    public static final int REASON_MAX_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(MeetingManagement.class);

    private final MeetingRepository repository;
    private final Attendances attendances;
    private final Members members;
    private final CellAccess cellAccess;
    private final MeetingPermissions permissions;
    private final List<MeetingCloseGuard> closeGuards;
    private final List<AgendaItemGuard> agendaGuards;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Formats formats;
    private final MeetingRosters rosters;
    private final MeetingLengthRule lengthRule;
    private final ObjectProvider<VideoConference> video;

    MeetingManagement(MeetingRepository repository, Attendances attendances, Members members, CellAccess cellAccess,
            MeetingPermissions permissions, List<MeetingCloseGuard> closeGuards, List<AgendaItemGuard> agendaGuards,
            AuditLog audit, ApplicationEventPublisher events, Clock clock, Formats formats, MeetingRosters rosters,
            MeetingProperties properties, ObjectProvider<VideoConference> video) {
        this.repository = repository;
        this.video = video;
        this.lengthRule = properties.lengthRule();
        this.rosters = rosters;
        this.attendances = attendances;
        this.members = members;
        this.cellAccess = cellAccess;
        this.permissions = permissions;
        this.closeGuards = closeGuards;
        this.agendaGuards = agendaGuards;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.formats = formats;
    }

    /**
     * Returns whether online and hybrid meetings need a link of their own: only while no video
     * conference hosts them.
     */
    public boolean requiresOnlineLink() {
        return video.getIfAvailable() == null;
    }

    /** Creates a draft meeting of the cell. Only those who run the cell may. */
    @Transactional
    public MeetingId schedule(Actor actor, OrganizationId cell, MeetingDetails details) {
        cellAccess.requireRunActive(actor, cell);
        requireCellMembers(cell, details);

        Meeting meeting = repository.save(Meeting.schedule(cell, details, actor.accountId().value(), clock.instant(),
                requiresOnlineLink()));
        record(actor, meeting, "meeting.scheduled", "kind=" + meeting.kind());
        log.info("Meeting {} scheduled for cell {} by account {}", meeting.id(), cell, actor.accountId());
        return meeting.id();
    }

    @Transactional
    public void revise(Actor actor, MeetingId id, MeetingDetails details) {
        Meeting meeting = load(id);
        permissions.requireManage(actor, meeting);
        requireCellMembers(meeting.cellId(), details);

        List<AgendaItem> before = meeting.agenda();
        Set<MeetingChange> changes = meeting.revise(details, requiresOnlineLink());
        requireRemovable(meeting.id(), AgendaMatching.removedIds(before, meeting.agenda()));
        Meeting saved = save(meeting);
        record(actor, meeting, "meeting.revised", changes.isEmpty() ? null : "changes=" + codes(changes));
        // Members were notified of the old details only once the meeting was announced, so a draft's changes notify no one.
        boolean announced = saved.isPublished() || saved.isInProgress();
        if (announced && !changes.isEmpty()) {
            events.publishEvent(new MeetingChanged(saved.id(), saved.cellId(), changes, saved.revision()));
        }
        if (saved.isInProgress() && !changes.isEmpty()) {
            roomChanged(saved, MeetingRoomChanged.Part.AGENDA);
        }
        log.info("Meeting {} revised by account {}, changes {}", id, actor.accountId(), changes);
    }

    private static String codes(Set<MeetingChange> changes) {
        return changes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /**
     * Announces a draft meeting to the cell's members.
     *
     * @return what the secretary should know about the meeting, such as a short planned length
     */
    @Transactional
    public List<MeetingWarning> publish(Actor actor, MeetingId id) {
        Meeting meeting = load(id);
        permissions.requireManage(actor, meeting);

        Instant now = clock.instant();
        meeting.publish(now);
        save(meeting);
        record(actor, meeting, "meeting.published", null);
        events.publishEvent(new MeetingPublished(meeting.id(), meeting.cellId()));
        log.info("Meeting {} published by account {}", id, actor.accountId());
        return warningsOf(meeting, now);
    }

    /**
     * Opens a published meeting. Only the chair (or those who run the cell) may, and not before the
     * day of its planned start in the configured zone. A cell may begin earlier that day than
     * planned, while a start days ahead could only be a mistake.
     */
    @Transactional
    public void start(Actor actor, MeetingId id) {
        Meeting meeting = load(id);
        permissions.requireChair(actor, meeting);
        meeting.requireStatus(MeetingStatus.PUBLISHED);

        Instant now = clock.instant();
        if (!mayStartOn(meeting, now)) {
            throw new InvalidMeeting("meeting.error.startTooEarly", formats.date(meeting.startsAt()));
        }
        meeting.start(now);
        save(meeting);
        record(actor, meeting, "meeting.started", null);
        events.publishEvent(new MeetingStarted(meeting.id(), meeting.cellId()));
        roomChanged(meeting, MeetingRoomChanged.Part.STATE, MeetingRoomChanged.Part.AGENDA);
        log.info("Meeting {} started by account {}", id, actor.accountId());
    }

    /**
     * Puts one agenda item of a meeting in progress under discussion. The chair (or those who run the
     * cell) moves through the agenda in any order. Choosing the current item again changes nothing.
     */
    @Transactional
    public void discuss(Actor actor, MeetingId id, long agendaItemId) {
        Meeting meeting = load(id);
        permissions.requireChair(actor, meeting);

        boolean moved = meeting.discuss(agendaItemId, clock.instant());
        if (!moved) {
            return;
        }
        save(meeting);
        record(actor, meeting, "meeting.agendaItemDiscussed", "item=" + agendaItemId);
        roomChanged(meeting, MeetingRoomChanged.Part.AGENDA);
        log.info("Meeting {} moved to agenda item {} by account {}", id, agendaItemId, actor.accountId());
    }

    /** Returns whether the meeting's day (in the configured zone) has come, so that it may start. */
    public boolean mayStartOn(Meeting meeting, Instant now) {
        return !formats.local(now).toLocalDate().isBefore(formats.local(meeting.startsAt()).toLocalDate());
    }

    /** Calls off a draft or published meeting with a reason that the members will read. */
    @Transactional
    public void cancel(Actor actor, MeetingId id, @Nullable String reason) {
        Meeting meeting = load(id);
        permissions.requireManage(actor, meeting);
        meeting.requireStatus(MeetingStatus.DRAFT, MeetingStatus.PUBLISHED);
        String cleaned = cleanReason(reason, "meeting.error.cancelReasonTooLong");
        if (cleaned == null) {
            throw new InvalidMeeting("meeting.error.cancelReasonMissing");
        }

        boolean wasAnnounced = meeting.isPublished();
        meeting.cancel(cleaned, clock.instant());
        save(meeting);
        record(actor, meeting, "meeting.cancelled", "announced=" + wasAnnounced);
        events.publishEvent(new MeetingCancelled(meeting.id(), meeting.cellId(), cleaned, wasAnnounced));
        roomChanged(meeting, MeetingRoomChanged.Part.STATE);
        log.info("Meeting {} cancelled by account {}", id, actor.accountId());
    }

    /**
     * Moves a closed meeting to "minutes approved". The minutes module calls this in the transaction
     * in which the second of the chair and the minute taker approves.
     */
    @Transactional
    public void recordMinutesApproved(MeetingId id) {
        Meeting meeting = load(id);
        meeting.minutesApproved(clock.instant());
        save(meeting);
        audit.record(new AuditEntry(null, meeting.cellId().value(), "meeting.minutesApproved", "meeting",
                id.value(), null));
        log.info("Meeting {} has approved minutes", id);
    }

    /** Returns the minimum lengths that the warnings of short meetings apply. */
    public MeetingLengthRule lengthRule() {
        return lengthRule;
    }

    /** Returns what the secretary should know about the meeting as it stands. */
    public List<MeetingWarning> warningsOf(Meeting meeting, Instant now) {
        var warnings = new ArrayList<MeetingWarning>();
        if (lengthRule.isPlannedShort(meeting)) {
            warnings.add(MeetingWarning.SHORTER_THAN_USUAL);
        }
        Instant announced = meeting.publishedAt() == null ? now : meeting.publishedAt();
        if (Duration.between(announced, meeting.startsAt()).compareTo(DOCUMENTS_LEAD_TIME) < 0) {
            warnings.add(MeetingWarning.PUBLISHED_LATE);
        }
        return warnings;
    }

    /** Marks a member on the roll of a meeting in progress. An excused absence needs the reason. */
    @Transactional
    public void recordAttendance(Actor actor, MeetingId id, MemberId memberId, AttendanceStatus status,
            @Nullable String absenceReason) {
        Meeting meeting = load(id);
        permissions.requireManage(actor, meeting);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS);
        Member member = requireCellMember(meeting.cellId(), memberId);

        String reason = status == AttendanceStatus.ABSENT_EXCUSED
                ? cleanReason(absenceReason, "meeting.error.absenceReasonTooLong") : null;
        if (status == AttendanceStatus.ABSENT_EXCUSED && reason == null) {
            throw new InvalidMeeting("meeting.error.absenceReasonMissing");
        }
        attendances.record(id, member.id(), status, reason, actor.accountId().value(), clock.instant());
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "attendance.recorded",
                "meeting", id.value(), "member=" + memberId + " status=" + status));
        log.debug("Meeting {}: member {} marked {}", id, memberId, status);
    }

    /**
     * Ends a meeting in progress. Members the cell expected who are still unmarked are recorded as
     * absent without reason, so that the roll in the minutes is complete. A meeting that lasted less
     * than its minimum length is closed all the same, and flagged as short in the audit detail and on
     * its pages.
     */
    @Transactional
    public void close(Actor actor, MeetingId id) {
        Meeting meeting = load(id);
        permissions.requireChair(actor, meeting);
        meeting.requireStatus(MeetingStatus.IN_PROGRESS);
        for (MeetingCloseGuard guard : closeGuards) {
            Optional<String> reason = guard.reasonNotToClose(id);
            if (reason.isPresent()) {
                throw new ConflictException(reason.get());
            }
        }

        Instant now = clock.instant();
        meeting.close(now);
        List<Member> roster = members.ofCell(meeting.cellId());
        for (MemberId unmarked : AttendanceTally.of(roster, marksOf(id)).notRecorded()) {
            attendances.recordIfMissing(id, unmarked, AttendanceStatus.ABSENT_UNEXCUSED, actor.accountId().value(), now);
        }
        rosters.keep(id, roster);
        save(meeting);
        boolean shortMeeting = lengthRule.closedShort(meeting);
        record(actor, meeting, "meeting.closed",
                "minutes=" + meeting.realLength().toMinutes() + (shortMeeting ? " short=true" : ""));
        events.publishEvent(new MeetingClosed(meeting.id(), meeting.cellId()));
        roomChanged(meeting, MeetingRoomChanged.Part.STATE, MeetingRoomChanged.Part.AGENDA,
                MeetingRoomChanged.Part.ATTENDANCE);
        log.info("Meeting {} closed by account {} after {} minutes{}", id, actor.accountId(),
                meeting.realLength().toMinutes(), shortMeeting ? ", shorter than its minimum" : "");
    }

    /** Fails with {@link AgendaItemInUse} when another module keeps one of the removed items. */
    private void requireRemovable(MeetingId id, Set<Long> removedItems) {
        if (removedItems.isEmpty()) {
            return;
        }
        for (AgendaItemGuard guard : agendaGuards) {
            Optional<String> reason = guard.reasonNotToRemove(id, removedItems);
            if (reason.isPresent()) {
                throw new AgendaItemInUse(reason.get());
            }
        }
    }

    private Map<MemberId, AttendanceStatus> marksOf(MeetingId id) {
        var marks = new HashMap<MemberId, AttendanceStatus>();
        attendances.of(id).forEach((member, mark) -> marks.put(member, mark.status()));
        return marks;
    }

    private Meeting load(MeetingId id) {
        return repository.findById(id.value()).orElseThrow(NotFoundException::hidden);
    }

    private Meeting save(Meeting meeting) {
        try {
            return repository.save(meeting);
        }
        catch (OptimisticLockingFailureException concurrent) {
            log.info("Meeting {} was changed concurrently", meeting.id());
            throw new ConflictException("error.concurrentChange");
        }
    }

    private void requireCellMembers(OrganizationId cell, MeetingDetails details) {
        if (details.chair() != null) {
            requireCellMember(cell, details.chair());
        }
        if (details.minuteTaker() != null) {
            requireCellMember(cell, details.minuteTaker());
        }
    }

    private Member requireCellMember(OrganizationId cell, MemberId memberId) {
        return members.findOnRoster(cell, memberId)
                .orElseThrow(() -> new InvalidMeeting("meeting.error.notCellMember"));
    }

    private static @Nullable String cleanReason(@Nullable String reason, String tooLongKey) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > REASON_MAX_LENGTH) {
            throw new InvalidMeeting(tooLongKey, REASON_MAX_LENGTH);
        }
        return stripped;
    }

    private void roomChanged(Meeting meeting, MeetingRoomChanged.Part... parts) {
        for (MeetingRoomChanged.Part part : parts) {
            events.publishEvent(new MeetingRoomChanged(meeting.id(), part));
        }
    }

    private void record(Actor actor, Meeting meeting, String action, @Nullable String detail) {
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), action, "meeting",
                meeting.id().value(), detail));
    }
}
