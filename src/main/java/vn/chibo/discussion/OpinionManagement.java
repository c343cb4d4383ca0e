package vn.chibo.discussion;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.system.NotFoundException;

/**
 * Posts, edits and withdraws opinions and marks them as spoken. Each step locks the meeting's row
 * first, so that it cannot overlap with the meeting closing, and writes an audit entry with ids only:
 * the text of an opinion goes neither into the audit nor into the log.
 */
@Component
public class OpinionManagement {

    private static final Logger log = LoggerFactory.getLogger(OpinionManagement.class);

    private final OpinionStore store;
    private final Meetings meetings;
    private final DiscussionPermissions permissions;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OpinionManagement(OpinionStore store, Meetings meetings, DiscussionPermissions permissions, AuditLog audit,
            Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** Posts the actor's opinion on an agenda item of a published or ongoing meeting. */
    @Transactional
    public OpinionId post(Actor actor, MeetingId meetingId, long agendaItemId, String text) {
        // Each opinion is a row of its own, so the members of a cell post side by side, and a close waits for them.
        Meeting meeting = meetings.lockShared(meetingId);
        Member author = permissions.requirePost(actor, meeting);
        requireOnAgenda(meeting, agendaItemId);

        String body = OpinionText.clean(text);
        OpinionId id = store.insert(meetingId, agendaItemId, author.id(), actor.accountId().value(), body,
                clock.instant());
        record(actor, meeting, "opinion.posted", id, agendaItemId);
        log.info("Opinion {} posted on meeting {} item {} by account {}", id, meetingId, agendaItemId,
                actor.accountId());
        return id;
    }

    /** Replaces the text of the actor's own opinion; the earlier text is kept. */
    @Transactional
    public void edit(Actor actor, OpinionId id, String text) {
        Opinion opinion = load(id);
        Meeting meeting = meetings.lock(opinion.meetingId());
        permissions.requireChange(actor, meeting, opinion);

        String body = OpinionText.clean(text);
        if (body.equals(opinion.body())) {
            return;
        }
        store.revise(opinion, body, clock.instant());
        record(actor, meeting, "opinion.edited", id, opinion.agendaItemId());
        log.info("Opinion {} edited by account {}", id, actor.accountId());
    }

    /** Withdraws the actor's own opinion: it leaves every list and the minutes, and stays for the audit. */
    @Transactional
    public void withdraw(Actor actor, OpinionId id) {
        Opinion opinion = load(id);
        Meeting meeting = meetings.lock(opinion.meetingId());
        permissions.requireChange(actor, meeting, opinion);

        store.withdraw(id, clock.instant());
        record(actor, meeting, "opinion.withdrawn", id, opinion.agendaItemId());
        log.info("Opinion {} withdrawn by account {}", id, actor.accountId());
    }

    /** Marks an opinion as spoken in the meeting, or takes the mark back; for the chair while it is in progress. */
    @Transactional
    public void markSpoken(Actor actor, OpinionId id, boolean spoken) {
        Opinion opinion = load(id);
        Meeting meeting = meetings.lock(opinion.meetingId());
        permissions.requireMarkSpoken(actor, meeting);

        if (opinion.spoken() == spoken) {
            return;
        }
        store.markSpoken(id, spoken, actor.accountId().value(), clock.instant());
        record(actor, meeting, spoken ? "opinion.markedSpoken" : "opinion.unmarkedSpoken", id,
                opinion.agendaItemId());
        log.info("Opinion {} marked {} by account {}", id, spoken ? "spoken" : "not spoken", actor.accountId());
    }

    /** Loads an opinion that is not withdrawn; the caller checks that the actor may see its meeting. */
    private Opinion load(OpinionId id) {
        return store.find(id).filter(opinion -> !opinion.isWithdrawn()).orElseThrow(NotFoundException::hidden);
    }

    private static void requireOnAgenda(Meeting meeting, long agendaItemId) {
        boolean onAgenda = meeting.agenda().stream()
                .map(AgendaItem::id)
                .anyMatch(id -> id != null && id == agendaItemId);
        if (!onAgenda) {
            throw NotFoundException.hidden();
        }
    }

    /** Writes the audit entry of a change and notifies the meeting's live pages that its opinions changed. */
    private void record(Actor actor, Meeting meeting, String action, OpinionId id, long agendaItemId) {
        audit.record(new AuditEntry(actor.accountId().value(), meeting.cellId().value(), action, "opinion",
                id.value(), "meeting=" + meeting.id() + " item=" + agendaItemId));
        events.publishEvent(new MeetingRoomChanged(meeting.id(), MeetingRoomChanged.Part.OPINIONS));
    }
}
