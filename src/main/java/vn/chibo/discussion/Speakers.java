package vn.chibo.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.chibo.account.Actor;
import vn.chibo.meeting.AgendaItem;
import vn.chibo.meeting.Meeting;
import vn.chibo.member.Member;
import vn.chibo.member.MemberId;
import vn.chibo.member.Members;

/**
 * Reads the speaker lists of meetings. The methods check no permission: the caller has checked that
 * the reader may see the meeting.
 */
@Component
public class Speakers {

    private final SpeakerStore store;
    private final SpeakerManagement management;
    private final DiscussionPermissions permissions;
    private final Members members;
    private final Clock clock;

    Speakers(SpeakerStore store, SpeakerManagement management, DiscussionPermissions permissions, Members members,
            Clock clock) {
        this.store = store;
        this.management = management;
        this.permissions = permissions;
        this.members = members;
        this.clock = clock;
    }

    /** Returns the request, open or not. */
    public Optional<SpeakerRequest> find(SpeakerRequestId id) {
        return store.find(id);
    }

    /** Returns every request of the meeting, open or not, in the order they were made. */
    public List<SpeakerRequest> ofMeeting(Meeting meeting) {
        return store.ofMeeting(meeting.id());
    }

    /** Returns the speaker list as the actor sees it on the meeting page, with the controls the actor may use. */
    public SpeakerPanel panelFor(Actor actor, Meeting meeting) {
        return panel(meeting, actor.memberId(), permissions.canRaiseHand(actor, meeting),
                permissions.canRunSpeakers(actor, meeting), false);
    }

    /** Returns the speaker list for the room's screen: the same rows, no controls and no reader of its own. */
    public SpeakerPanel screenPanelOf(Meeting meeting) {
        return panel(meeting, null, false, false, true);
    }

    private SpeakerPanel panel(Meeting meeting, @Nullable Long readerMember, boolean canRaise, boolean canRun,
            boolean screen) {
        Instant now = clock.instant();
        AgendaItem item = meeting.isInProgress() ? meeting.currentItem().orElse(null) : null;
        if (item == null || item.id() == null) {
            return new SpeakerPanel(meeting.id().value(), null, Duration.ZERO, null, List.of(), List.of(), null, false,
                    false, screen, now);
        }
        long itemId = item.id();
        List<SpeakerRequest> ofItem = store.ofMeeting(meeting.id()).stream()
                .filter(request -> request.agendaItemId() == itemId)
                .toList();
        Map<MemberId, Member> names = members.byIds(ofItem.stream().map(SpeakerRequest::member).distinct().toList())
                .stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Function<SpeakerRequest, SpeakerPanel.Entry> entry = request -> new SpeakerPanel.Entry(request,
                names.containsKey(request.member()) ? names.get(request.member()).fullName() : "",
                readerMember != null && readerMember == request.member().value());

        SpeakerPanel.Entry speaking = ofItem.stream().filter(SpeakerRequest::isSpeaking).findFirst().map(entry)
                .orElse(null);
        List<SpeakerPanel.Entry> queue = ofItem.stream()
                .filter(SpeakerRequest::isWaiting)
                .sorted(Comparator.comparingInt(SpeakerRequest::position).thenComparing(SpeakerRequest::requestedAt))
                .map(entry)
                .toList();
        List<SpeakerPanel.Entry> heard = ofItem.stream()
                .filter(request -> request.status() == SpeakerRequestStatus.HEARD)
                .sorted(Comparator.comparing(SpeakerRequest::turnStartedAt))
                .map(entry)
                .toList();
        SpeakerPanel.Entry own = ofItem.stream()
                .filter(request -> request.status().isOpen())
                .map(entry)
                .filter(SpeakerPanel.Entry::own)
                .findFirst()
                .orElse(null);
        return new SpeakerPanel(meeting.id().value(), item, management.timeLimitOf(meeting.id(), itemId), speaking,
                queue, heard, own, canRaise && !screen, canRun && !screen, screen, now);
    }
}
