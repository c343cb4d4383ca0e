package vn.chibo.minutes;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingManagement;
import vn.chibo.meeting.MeetingStatus;
import vn.chibo.meeting.Meetings;
import vn.chibo.system.ConflictException;
import vn.chibo.system.NotFoundException;

/**
 * Edits the narrative of minutes, approves them and starts corrections. Editing and approving name
 * the version the actor read, so no one overwrites a change they have not seen or approves a text
 * they have not read. Both act on the latest version of the meeting's minutes.
 */
@Component
public class MinutesManagement {

    static final int GUESTS_MAX_LENGTH = 2000;
    static final int CONTENT_MAX_LENGTH = 20_000;
    static final int SPEAKERS_MAX_LENGTH = 20_000;
    static final int CONCLUSION_MAX_LENGTH = 5000;
    static final int OTHER_MATTERS_MAX_LENGTH = 20_000;
    static final int CORRECTION_REASON_MAX_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(MinutesManagement.class);

    private final MinutesStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;
    private final MeetingManagement meetingManagement;
    private final AuditLog audit;
    private final Clock clock;

    MinutesManagement(MinutesStore store, Meetings meetings, MinutesPermissions permissions,
            MeetingManagement meetingManagement, AuditLog audit, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.meetingManagement = meetingManagement;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Replaces one part of the narrative of draft minutes, which clears both approvals given so far.
     * The minute taker may, and so may whoever runs the cell in the minute taker's place. The audit
     * entry records which of the two edited. The generated sections never change.
     *
     * @param version the version of the minutes the text was written against
     */
    @Transactional
    public void edit(Actor actor, MeetingId meetingId, NarrativeEdit edit, int version) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        Minutes minutes = store.find(meetingId).orElseThrow(NotFoundException::hidden);
        if (!minutes.narrative().has(edit.part())) {
            throw NotFoundException.hidden();
        }
        permissions.requireEditor(actor, meeting);
        if (minutes.isApproved()) {
            throw new MinutesAlreadyApproved();
        }
        NarrativeEdit checked = check(edit);

        if (!store.markEdited(minutes.id(), version, actor.accountId().value(), clock.instant())) {
            throw changedMeanwhile(minutes, version);
        }
        write(minutes.id(), checked);
        String editor = permissions.isMinuteTaker(actor, meeting) ? "MINUTE_TAKER" : "CELL_RUNNER";
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "minutes.edited", "minutes",
                minutes.id(), "meeting=" + meetingId + " part=" + edit.part().code() + " editor=" + editor
                        + " version=" + (version + 1)));
        log.info("Minutes {} of meeting {}: part {} edited by account {} as {}", minutes.id(), meetingId,
                edit.part().code(), actor.accountId(), editor);
    }

    /**
     * Gives the actor's approval as chair, as minute taker, or as both when one person is both. The
     * minutes are approved once both have approved the same text. The first approved version moves the
     * meeting to "minutes approved" in the same transaction; an approved correction leaves it there.
     *
     * @param version the version of the minutes the actor read
     */
    @Transactional
    public ApprovalOutcome approve(Actor actor, MeetingId meetingId, int version) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        Minutes minutes = store.find(meetingId).orElseThrow(NotFoundException::hidden);
        permissions.requireSignatory(actor, meeting);
        boolean chair = permissions.isChair(actor, meeting);
        boolean minuteTaker = permissions.isMinuteTaker(actor, meeting);
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
                "minutes", minutes.id(), "meeting=" + meetingId + " versionNo=" + minutes.versionNo() + " asChair="
                        + approveAsChair + " asMinuteTaker=" + approveAsMinuteTaker + " status=" + status));
        if (complete && meeting.status() == MeetingStatus.CLOSED) {
            meetingManagement.recordMinutesApproved(meetingId);
        }
        log.info("Minutes {} (version {}) of meeting {} approved by account {}, now {}", minutes.id(),
                minutes.versionNo(), meetingId, actor.accountId(), status);
        return complete ? ApprovalOutcome.MINUTES_APPROVED : ApprovalOutcome.RECORDED;
    }

    /**
     * Starts a correction of approved minutes: a new draft version copied from the latest approved one,
     * which stays as it is and remains the current minutes until the new version is approved in turn
     * by the chair and the minute taker. Those who may edit the narrative may start one, with a reason.
     *
     * @return the number of the new version
     */
    @Transactional
    public int startCorrection(Actor actor, MeetingId meetingId, @Nullable String reason) {
        Meeting meeting = meetings.get(meetingId);
        permissions.requireView(actor, meeting);
        Minutes latest = store.find(meetingId).orElseThrow(NotFoundException::hidden);
        permissions.requireEditor(actor, meeting);
        if (!latest.isApproved()) {
            throw new ConflictException("minutes.error.correctionOpen");
        }
        String cleaned = clean("reason", reason, CORRECTION_REASON_MAX_LENGTH, "minutes.error.reasonTooLong");
        if (cleaned.isEmpty()) {
            throw new InvalidMinutes("reason", "minutes.error.reasonMissing");
        }

        long id;
        try {
            id = store.insertCorrection(latest, cleaned, actor.accountId().value(), clock.instant());
        }
        catch (DuplicateKeyException concurrent) {
            log.info("Meeting {} got a correction of its minutes from a concurrent request", meetingId);
            throw new ConflictException("minutes.error.correctionOpen");
        }
        int versionNo = latest.versionNo() + 1;
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "minutes.correctionStarted",
                "minutes", id, "meeting=" + meetingId + " versionNo=" + versionNo + " from=" + latest.id()));
        log.info("Minutes {} (version {}) of meeting {} started by account {} as a correction of minutes {}", id,
                versionNo, meetingId, actor.accountId(), latest.id());
        return versionNo;
    }

    private ConflictException changedMeanwhile(Minutes minutes, int version) {
        log.info("Minutes {} changed meanwhile: request for version {}, stored version {}", minutes.id(), version,
                minutes.version());
        if (store.find(minutes.meetingId()).map(Minutes::isApproved).orElse(false)) {
            return new MinutesAlreadyApproved();
        }
        return new MinutesChangedMeanwhile();
    }

    private void write(long minutes, NarrativeEdit edit) {
        switch (edit.part().kind()) {
            case GUESTS -> store.updateGuests(minutes, orEmpty(edit.text()));
            case OTHER_MATTERS -> store.updateOtherMatters(minutes, orEmpty(edit.text()));
            case AGENDA_ITEM -> store.updateItem(minutes, edit.part().itemNumber(), orEmpty(edit.text()),
                    orEmpty(edit.speakers()), orEmpty(edit.conclusion()));
        }
    }

    /** Returns the edit with its texts cleaned, or fails on the first text that is too long. */
    private static NarrativeEdit check(NarrativeEdit edit) {
        NarrativePart part = edit.part();
        return switch (part.kind()) {
            case GUESTS -> new NarrativeEdit(part, clean("text", edit.text(), GUESTS_MAX_LENGTH,
                    "minutes.error.guestsTooLong"), null, null);
            case OTHER_MATTERS -> new NarrativeEdit(part, clean("text", edit.text(), OTHER_MATTERS_MAX_LENGTH,
                    "minutes.error.otherMattersTooLong"), null, null);
            case AGENDA_ITEM -> new NarrativeEdit(part,
                    clean("text", edit.text(), CONTENT_MAX_LENGTH, "minutes.error.contentTooLong"),
                    clean("speakers", edit.speakers(), SPEAKERS_MAX_LENGTH, "minutes.error.speakersTooLong"),
                    clean("conclusion", edit.conclusion(), CONCLUSION_MAX_LENGTH, "minutes.error.conclusionTooLong"));
        };
    }

    static String clean(String field, @Nullable String text, int maxLength, String tooLongKey) {
        String cleaned = text == null ? "" : normalizeLines(text);
        if (cleaned.length() > maxLength) {
            throw new InvalidMinutes(field, tooLongKey, maxLength);
        }
        return cleaned;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /**
     * Returns the text in Unicode NFC with line breaks as {@code \n}, no control characters, no white
     * space at line ends and no blank lines at either end.
     */
    private static String normalizeLines(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "")
                .replaceAll("[ \\t\u00A0]+\n", "\n")
                .strip();
    }
}
