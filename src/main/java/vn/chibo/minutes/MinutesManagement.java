package vn.chibo.minutes;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.ConflictException;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.NotFoundException;

/**
 * Edits and approves minutes. Both steps name the version the actor read, so no one approves text
 * they have not seen.
 */
@Component
public class MinutesManagement {

    /** The length of the {@code minutes.body} column. */
    static final int BODY_MAX_LENGTH = 100_000;

    private static final Logger log = LoggerFactory.getLogger(MinutesManagement.class);

    private final MinutesStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;

    MinutesManagement(MinutesStore store, Meetings meetings, MinutesPermissions permissions, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Replaces the text of draft minutes, which clears both approvals given so far.
     *
     * @param version the version of the minutes the text was written against
     */
    @Transactional
    public void edit(Actor actor, MeetingId meetingId, @Nullable String body, int version) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        Minutes minutes = store.find(meetingId).orElseThrow(NotFoundException::hidden);
        if (!permissions.isMinuteTaker(actor, meeting)) {
            throw new ForbiddenException("minutes.error.notMinuteTaker");
        }
        // NOTE: approved minutes stay as they are; corrections as new versions with a reason are not built yet.
        if (minutes.isApproved()) {
            throw new MinutesAlreadyApproved();
        }
        String text = checkBody(body);

        if (!store.updateBody(minutes.id(), version, text, actor.accountId().value(), clock.instant())) {
            throw changedMeanwhile(minutes, version);
        }
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "minutes.edited", "minutes",
                minutes.id(), "meeting=" + meetingId + " version=" + (version + 1)));
        log.info("Minutes {} of meeting {} edited by account {}", minutes.id(), meetingId, actor.accountId());
    }

    /**
     * Gives the actor's approval as chair, as minute taker, or as both when one person is both. The
     * minutes are approved once both have approved the same text.
     *
     * @param version the version of the minutes the actor read
     */
    @Transactional
    public ApprovalOutcome approve(Actor actor, MeetingId meetingId, int version) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        Minutes minutes = store.find(meetingId).orElseThrow(NotFoundException::hidden);
        boolean chair = permissions.isChair(actor, meeting);
        boolean minuteTaker = permissions.isMinuteTaker(actor, meeting);
        if (!chair && !minuteTaker) {
            throw new ForbiddenException("minutes.error.notSignatory");
        }
        boolean approveAsChair = chair && minutes.chairApprovedAt() == null;
        boolean approveAsMinuteTaker = minuteTaker && minutes.takerApprovedAt() == null;
        if (minutes.isApproved() || !approveAsChair && !approveAsMinuteTaker) {
            return ApprovalOutcome.ALREADY_APPROVED;
        }

        boolean complete = (approveAsChair || minutes.chairApprovedAt() != null)
                && (approveAsMinuteTaker || minutes.takerApprovedAt() != null);
        MinutesStatus status = complete ? MinutesStatus.APPROVED : MinutesStatus.DRAFT;
        Instant now = clock.instant();
        if (!store.approve(minutes.id(), version, approveAsChair, approveAsMinuteTaker, actor.accountId().value(), now,
                status)) {
            throw changedMeanwhile(minutes, version);
        }
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "minutes.approved",
                "minutes", minutes.id(), "meeting=" + meetingId + " asChair=" + approveAsChair + " asMinuteTaker="
                        + approveAsMinuteTaker + " status=" + status));
        log.info("Minutes {} of meeting {} approved by account {}, now {}", minutes.id(), meetingId,
                actor.accountId(), status);
        return complete ? ApprovalOutcome.MINUTES_APPROVED : ApprovalOutcome.RECORDED;
    }

    private ConflictException changedMeanwhile(Minutes minutes, int version) {
        log.info("Minutes {} changed meanwhile: request for version {}, stored version {}", minutes.id(), version,
                minutes.version());
        if (store.find(minutes.meetingId()).map(Minutes::isApproved).orElse(false)) {
            return new MinutesAlreadyApproved();
        }
        return new ConflictException("minutes.error.changedMeanwhile");
    }

    private static String checkBody(@Nullable String body) {
        String text = body == null ? "" : normalizeLines(body);
        if (text.isBlank()) {
            throw new InvalidMinutes("minutes.error.bodyMissing");
        }
        if (text.length() > BODY_MAX_LENGTH) {
            throw new InvalidMinutes("minutes.error.bodyTooLong", BODY_MAX_LENGTH);
        }
        return text;
    }

    /** Returns the text in Unicode NFC with line breaks as {@code \n} and no white space at line ends. */
    private static String normalizeLines(String body) {
        String composed = Normalizer.normalize(body, Normalizer.Form.NFC);
        return composed.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\u00A0]+\n", "\n").strip();
    }
}
