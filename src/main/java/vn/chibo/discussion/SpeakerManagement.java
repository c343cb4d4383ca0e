package vn.chibo.discussion;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.chibo.account.Actor;
import vn.chibo.audit.AuditEntry;
import vn.chibo.audit.AuditLog;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.meeting.MeetingClosed;
import vn.chibo.meeting.MeetingId;
import vn.chibo.meeting.MeetingRoomChanged;
import vn.chibo.meeting.Meetings;
import vn.chibo.member.Member;
import vn.chibo.system.ForbiddenException;
import vn.chibo.system.InputText;
import vn.chibo.system.NotFoundException;

/**
 * Keeps the speaker list of a meeting in progress: members raise and lower hands on the agenda item
 * under discussion, and the chair orders the queue and grants, ends and declines turns. Only one
 * member has the floor at a time, so granting another request ends the running turn. Each step locks
 * the meeting's row first, so that steps on one meeting (two tabs of the chair, a double click, the
 * chair moving the agenda) run one after the other. Each change writes an audit entry with ids and
 * codes only, and publishes {@link MeetingRoomChanged} with {@link MeetingRoomChanged.Part#SPEAKERS}.
 */
@Component
public class SpeakerManagement {

    /** The maximum length of a subject, in characters (Unicode code points): the size of its column. */
    public static final int SUBJECT_MAX_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(SpeakerManagement.class);

    private final SpeakerStore store;
    private final Meetings meetings;
    private final DiscussionPermissions permissions;
    private final DiscussionProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpeakerManagement(SpeakerStore store, Meetings meetings, DiscussionPermissions permissions,
            DiscussionProperties properties, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.permissions = permissions;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The outcome of raising a hand.
     *
     * @param created false when the member's hand was already raised on the item, so the request is the
     *        earlier one, unchanged
     */
    public record Raised(SpeakerRequestId id, boolean created) {
    }

    /**
     * Raises the actor's hand on the agenda item, which must be the one under discussion. A member with
     * an open request on the item gets that request back, so that a double click or a retry stores one.
     */
    @Transactional
    public Raised raise(Actor actor, MeetingId meetingId, long agendaItemId, @Nullable SpeakerKind kind,
            @Nullable String subject) {
        Meeting meeting = meetings.lock(meetingId);
        Member member = permissions.requireSpeaker(actor, meeting);
        AgendaItem item = itemOf(meeting, agendaItemId);
        if (!item.id().equals(meeting.currentAgendaItemId())) {
            throw new SpeakerRequestRejected("discussion.speakers.error.notUnderDiscussion", item.title());
        }
        if (!permissions.isPresent(meeting, member)) {
            throw new SpeakerRequestRejected("discussion.speakers.error.notPresent");
        }
        if (kind == null) {
            throw new InvalidSpeakerRequest("discussion.speakers.error.kindMissing");
        }
        String cleaned = cleanSubject(subject);

        Optional<SpeakerRequest> open = store.openOf(meetingId, member.id()).stream()
                .filter(request -> request.agendaItemId() == agendaItemId)
                .findFirst();
        if (open.isPresent()) {
            log.info("Account {} raised a hand again on meeting {} item {}; request {} stays", actor.accountId(),
                    meetingId, agendaItemId, open.get().id());
            return new Raised(open.get().id(), false);
        }
        SpeakerRequestId id = store.insert(meetingId, agendaItemId, member.id(), actor.accountId().value(), kind,
                cleaned, store.nextPosition(meetingId, agendaItemId), clock.instant());
        record(actor.accountId().value(), meeting, "speaker.raised", id, "item=" + agendaItemId + " kind=" + kind);
        changed(meeting);
        log.info("Speaker request {} raised on meeting {} item {} by account {}", id, meetingId, agendaItemId,
                actor.accountId());
        return new Raised(id, true);
    }

    /** Lowers the actor's own waiting request. A member who has the floor waits for the chair to end the turn. */
    @Transactional
    public void lower(Actor actor, SpeakerRequestId id) {
        SpeakerRequest request = load(id);
        Meeting meeting = meetings.lock(request.meetingId());
        Member member = permissions.requireSpeaker(actor, meeting);
        request = load(id);
        if (!request.member().equals(member.id())) {
            throw ForbiddenException.notAllowed();
        }
        lowerLoaded(actor, meeting, request);
    }

    /**
     * Lowers the actor's waiting request in the meeting, for clients that do not keep its id. Fails
     * with {@link SpeakerRequestRejected} when the actor has no open request.
     */
    @Transactional
    public void lowerOwn(Actor actor, MeetingId meetingId) {
        Meeting meeting = meetings.lock(meetingId);
        Member member = permissions.requireSpeaker(actor, meeting);
        List<SpeakerRequest> open = store.openOf(meetingId, member.id());
        if (open.isEmpty()) {
            throw new SpeakerRequestRejected("discussion.speakers.error.noOpenRequest");
        }
        for (SpeakerRequest request : open) {
            lowerLoaded(actor, meeting, request);
        }
    }

    private void lowerLoaded(Actor actor, Meeting meeting, SpeakerRequest request) {
        if (request.isSpeaking()) {
            throw new SpeakerRequestRejected("discussion.speakers.error.lowerWhileSpeaking");
        }
        if (!request.isWaiting()) {
            throw new SpeakerRequestRejected("discussion.speakers.error.notWaiting");
        }
        store.closeWaiting(request.id(), SpeakerRequestStatus.LOWERED, clock.instant());
        renumber(meeting.id(), request.agendaItemId());
        record(actor.accountId().value(), meeting, "speaker.lowered", request.id(), "item=" + request.agendaItemId());
        changed(meeting);
        log.info("Speaker request {} lowered by account {}", request.id(), actor.accountId());
    }

    /** Moves a waiting request one place up the queue; the first stays first. */
    @Transactional
    public void moveUp(Actor actor, SpeakerRequestId id) {
        reorder(actor, id, index -> index - 1);
    }

    /** Moves a waiting request one place down the queue; the last stays last. */
    @Transactional
    public void moveDown(Actor actor, SpeakerRequestId id) {
        reorder(actor, id, index -> index + 1);
    }

    /** Moves a waiting request to a place in the queue, from 1; a place past the end means the last. */
    @Transactional
    public void moveTo(Actor actor, SpeakerRequestId id, @Nullable Integer position) {
        reorder(actor, id, index -> position == null ? -1 : position - 1, position == null || position < 1);
    }

    private void reorder(Actor actor, SpeakerRequestId id, IntUnaryOperator target) {
        reorder(actor, id, target, false);
    }

    private void reorder(Actor actor, SpeakerRequestId id, IntUnaryOperator target, boolean positionInvalid) {
        SpeakerRequest request = load(id);
        Meeting meeting = meetings.lock(request.meetingId());
        permissions.requireRunSpeakers(actor, meeting);
        if (positionInvalid) {
            throw new InvalidSpeakerRequest("discussion.speakers.error.position");
        }
        request = requireWaiting(load(id));

        List<SpeakerRequestId> queue = new ArrayList<>(store.waiting(meeting.id(), request.agendaItemId()).stream()
                .map(SpeakerRequest::id)
                .toList());
        int from = queue.indexOf(request.id());
        int to = Math.clamp(target.applyAsInt(from), 0, queue.size() - 1);
        if (from == to) {
            return;
        }
        queue.remove(from);
        queue.add(to, request.id());
        store.renumber(queue);
        record(actor.accountId().value(), meeting, "speaker.moved", id, "item=" + request.agendaItemId()
                + " position=" + (to + 1));
        changed(meeting);
        log.info("Speaker request {} moved to place {} by account {}", id, to + 1, actor.accountId());
    }

    /**
     * Gives the floor to a waiting request on the item under discussion. The turn running before, if
     * any, ends now. Granting the request that already has the floor changes nothing.
     */
    @Transactional
    public void grant(Actor actor, SpeakerRequestId id) {
        SpeakerRequest request = load(id);
        Meeting meeting = meetings.lock(request.meetingId());
        permissions.requireRunSpeakers(actor, meeting);
        request = load(id);
        if (request.isSpeaking()) {
            return;
        }
        requireWaiting(request);
        if (!Long.valueOf(request.agendaItemId()).equals(meeting.currentAgendaItemId())) {
            throw new SpeakerRequestRejected("discussion.speakers.error.itemEnded");
        }

        Instant now = clock.instant();
        Optional<SpeakerRequest> running = store.speaking(meeting.id());
        if (running.isPresent()) {
            store.endTurn(running.get().id(), now);
            record(actor.accountId().value(), meeting, "speaker.turnEnded", running.get().id(),
                    "item=" + running.get().agendaItemId() + " seconds=" + running.get().spokenFor(now).toSeconds()
                            + " by=grant");
        }
        Duration limit = timeLimitOf(meeting.id(), request.agendaItemId());
        store.startTurn(id, limit, now);
        renumber(meeting.id(), request.agendaItemId());
        record(actor.accountId().value(), meeting, "speaker.granted", id, "item=" + request.agendaItemId()
                + " kind=" + request.kind() + " limitSeconds=" + limit.toSeconds());
        changed(meeting);
        log.info("Speaker request {} granted the floor on meeting {} by account {}", id, meeting.id(),
                actor.accountId());
    }

    /** Ends the turn of the request that has the floor. Ending a turn that has ended changes nothing. */
    @Transactional
    public void endTurn(Actor actor, SpeakerRequestId id) {
        SpeakerRequest request = load(id);
        Meeting meeting = meetings.lock(request.meetingId());
        permissions.requireRunSpeakers(actor, meeting);
        request = load(id);
        if (request.status() == SpeakerRequestStatus.HEARD) {
            return;
        }
        if (!request.isSpeaking()) {
            throw new SpeakerRequestRejected("discussion.speakers.error.notSpeaking");
        }

        Instant now = clock.instant();
        store.endTurn(id, now);
        record(actor.accountId().value(), meeting, "speaker.turnEnded", id, "item=" + request.agendaItemId()
                + " seconds=" + request.spokenFor(now).toSeconds());
        changed(meeting);
        log.info("Turn of speaker request {} ended by account {}", id, actor.accountId());
    }

    /** Declines a waiting request: it leaves the queue without a turn. */
    @Transactional
    public void decline(Actor actor, SpeakerRequestId id) {
        SpeakerRequest request = load(id);
        Meeting meeting = meetings.lock(request.meetingId());
        permissions.requireRunSpeakers(actor, meeting);
        request = requireWaiting(load(id));

        store.closeWaiting(id, SpeakerRequestStatus.DECLINED, clock.instant());
        renumber(meeting.id(), request.agendaItemId());
        record(actor.accountId().value(), meeting, "speaker.declined", id, "item=" + request.agendaItemId());
        changed(meeting);
        log.info("Speaker request {} declined by account {}", id, actor.accountId());
    }

    /**
     * Sets how long each speaker may talk on the agenda item, from one minute to the configured maximum.
     * A turn running on the item gets the new limit too.
     */
    @Transactional
    public void setTimeLimit(Actor actor, MeetingId meetingId, long agendaItemId, @Nullable Duration limit) {
        Meeting meeting = meetings.lock(meetingId);
        permissions.requireRunSpeakers(actor, meeting);
        itemOf(meeting, agendaItemId);
        if (limit == null || limit.compareTo(Duration.ofMinutes(1)) < 0 || limit.compareTo(properties.maxSpeakerTimeLimit()) > 0) {
            throw new InvalidSpeakerRequest("discussion.speakers.error.timeLimit",
                    properties.maxSpeakerTimeLimit().toMinutes());
        }

        store.setTimeLimit(meetingId, agendaItemId, limit);
        store.setRunningTurnLimit(meetingId, agendaItemId, limit);
        record(actor.accountId().value(), meeting, "speaker.timeLimitSet", null,
                "item=" + agendaItemId + " seconds=" + limit.toSeconds());
        changed(meeting);
        log.info("Speaker time limit on meeting {} item {} set to {} s by account {}", meetingId, agendaItemId,
                limit.toSeconds(), actor.accountId());
    }

    /** Returns the time limit per speaker on the item: the chair's setting, or the configured default. */
    public Duration timeLimitOf(MeetingId meeting, long agendaItemId) {
        return store.timeLimit(meeting, agendaItemId).orElse(properties.speakerTimeLimit());
    }

    /**
     * Ends the speaker list of the item that was under discussion when the chair moves the agenda. It
     * runs in the transaction of the move, which has locked the meeting's row.
     */
    @EventListener
    void on(MeetingRoomChanged event) {
        if (event.part() != MeetingRoomChanged.Part.AGENDA) {
            return;
        }
        Meeting meeting = meetings.get(event.meetingId());
        Instant at = meeting.currentItemSince() == null ? clock.instant() : meeting.currentItemSince();
        endOpen(meeting, meeting.currentAgendaItemId(), at, "agendaMoved");
    }

    /** Ends every open request and the running turn when the meeting closes, at its closing time. */
    @EventListener
    void on(MeetingClosed event) {
        Meeting meeting = meetings.get(event.meetingId());
        Instant at = meeting.closedAt() == null ? clock.instant() : meeting.closedAt();
        endOpen(meeting, null, at, "meetingClosed");
    }

    /** Ends the open requests on other items than {@code keptItem} (all if null): not heard, or heard if speaking. */
    private void endOpen(Meeting meeting, @Nullable Long keptItem, Instant at, String reason) {
        List<SpeakerRequest> open = store.openOutside(meeting.id(), keptItem);
        if (open.isEmpty()) {
            return;
        }
        for (SpeakerRequest request : open) {
            if (request.isSpeaking()) {
                store.endTurn(request.id(), at);
                record(null, meeting, "speaker.turnEnded", request.id(), "item=" + request.agendaItemId()
                        + " seconds=" + request.spokenFor(at).toSeconds() + " by=" + reason);
            }
            else {
                store.closeWaiting(request.id(), SpeakerRequestStatus.NOT_HEARD, at);
            }
        }
        changed(meeting);
        log.info("Meeting {}: {} open speaker requests ended ({})", meeting.id(), open.size(), reason);
    }

    private SpeakerRequest load(SpeakerRequestId id) {
        return store.find(id).orElseThrow(NotFoundException::hidden);
    }

    private static SpeakerRequest requireWaiting(SpeakerRequest request) {
        if (!request.isWaiting()) {
            throw new SpeakerRequestRejected("discussion.speakers.error.notWaiting");
        }
        return request;
    }

    private void renumber(MeetingId meeting, long agendaItemId) {
        store.renumber(store.waiting(meeting, agendaItemId).stream().map(SpeakerRequest::id).toList());
    }

    private static AgendaItem itemOf(Meeting meeting, long agendaItemId) {
        return meeting.agenda().stream()
                .filter(item -> item.id() != null && item.id() == agendaItemId)
                .findFirst()
                .orElseThrow(NotFoundException::hidden);
    }

    /** Returns the subject in NFC without surrounding spaces, or null when empty; fails when too long. */
    private static @Nullable String cleanSubject(@Nullable String subject) {
        if (subject == null) {
            return null;
        }
        String cleaned = Normalizer.normalize(InputText.strip(subject), Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > SUBJECT_MAX_LENGTH) {
            throw new InvalidSpeakerRequest("discussion.speakers.error.subjectTooLong", SUBJECT_MAX_LENGTH);
        }
        return cleaned;
    }

    private void changed(Meeting meeting) {
        events.publishEvent(new MeetingRoomChanged(meeting.id(), MeetingRoomChanged.Part.SPEAKERS));
    }

    private void record(@Nullable Long account, Meeting meeting, String action, @Nullable SpeakerRequestId id,
            String detail) {
        audit.record(new AuditEntry(account, meeting.cellId().value(), action, "speakerRequest",
                id == null ? null : id.value(), "meeting=" + meeting.id() + " " + detail));
    }
}
