package vn.chibo.minutes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
import vn.chibo.system.Formats;
import vn.chibo.system.NotFoundException;

/**
 * Edits the text of a meeting's resolution and issues it. Whoever runs the cell does both. Issuing is
 * separate from approving the minutes, because the cell may publish its decisions before the minutes
 * are signed. It gives the resolution the next number of the cell in the year of issue.
 */
@Component
public class ResolutionManagement {

    static final int DECISIONS_MAX_LENGTH = 20_000;

    private static final Logger log = LoggerFactory.getLogger(ResolutionManagement.class);

    private final ResolutionStore store;
    private final Meetings meetings;
    private final MinutesPermissions permissions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    ResolutionManagement(ResolutionStore store, Meetings meetings, MinutesPermissions permissions, AuditLog audit,
            MessageSource messages, Formats formats, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.audit = audit;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    /**
     * Replaces the text of the draft resolution.
     *
     * @param version the version of the resolution the text was written against
     */
    @Transactional
    public void edit(Actor actor, MeetingId meetingId, @Nullable String decisions, int version) {
        Meeting meeting = meetings.get(meetingId);
        Resolution resolution = requireIssuer(actor, meeting);
        String cleaned = MinutesManagement.clean("decisions", decisions, DECISIONS_MAX_LENGTH,
                "minutes.resolution.error.tooLong");
        if (cleaned.isEmpty()) {
            throw new InvalidMinutes("decisions", "minutes.resolution.error.empty");
        }

        if (!store.updateDecisions(resolution.id(), version, cleaned, actor.accountId().value(), clock.instant())) {
            throw changedMeanwhile(meetingId);
        }
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "resolution.edited",
                "resolution", resolution.id(), "meeting=" + meetingId + " version=" + (version + 1)));
        log.info("Resolution {} of meeting {} edited by account {}", resolution.id(), meetingId, actor.accountId());
    }

    /**
     * Issues the draft resolution with the next number of the cell in the current year and today's date.
     *
     * @param version the version of the resolution the actor read
     * @return the issued resolution
     */
    @Transactional
    public Resolution issue(Actor actor, MeetingId meetingId, int version) {
        Meeting meeting = meetings.get(meetingId);
        Resolution resolution = requireIssuer(actor, meeting);
        if (resolution.version() != version) {
            throw changedMeanwhile(meetingId);
        }

        Instant now = clock.instant();
        LocalDate today = formats.local(now).toLocalDate();
        int number = store.nextNumber(meeting.cellId(), today.getYear());
        String placeAndDate = MinutesDrafter.placeAndDate(messages, resolution.locality(), today);
        if (!store.issue(resolution.id(), version, today.getYear(), number, placeAndDate, actor.accountId().value(),
                now)) {
            throw changedMeanwhile(meetingId);
        }
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), "resolution.issued",
                "resolution", resolution.id(), "meeting=" + meetingId + " year=" + today.getYear() + " number="
                        + number));
        log.info("Resolution {} of meeting {} issued by account {} as number {} of {}", resolution.id(), meetingId,
                actor.accountId(), number, today.getYear());
        return store.find(meetingId).orElseThrow();
    }

    private Resolution requireIssuer(Actor actor, Meeting meeting) {
        permissions.requireView(actor, meeting);
        Resolution resolution = store.find(meeting.id())
                .filter(each -> permissions.canRead(actor, meeting, each))
                .orElseThrow(NotFoundException::hidden);
        if (resolution.isIssued()) {
            throw new ConflictException("minutes.resolution.error.issued");
        }
        if (!permissions.canIssue(actor, meeting, resolution)) {
            throw new ForbiddenException("minutes.resolution.error.notIssuer");
        }
        return resolution;
    }

    private ConflictException changedMeanwhile(MeetingId meetingId) {
        log.info("Resolution of meeting {} changed meanwhile", meetingId);
        if (store.find(meetingId).map(Resolution::isIssued).orElse(false)) {
            return new ConflictException("minutes.resolution.error.issued");
        }
        return new ConflictException("minutes.resolution.error.changedMeanwhile");
    }
}
