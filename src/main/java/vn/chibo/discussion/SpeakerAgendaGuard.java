package vn.chibo.discussion;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItemGuard;
import vn.chibo.meeting.MeetingId;

/**
 * Keeps an agenda item on which members asked to speak, because the speaker list and the minutes
 * refer to it. The secretary may rename or move the item instead.
 */
@Component
class SpeakerAgendaGuard implements AgendaItemGuard {

    private final SpeakerStore store;

    SpeakerAgendaGuard(SpeakerStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> reasonNotToRemove(MeetingId meeting, Set<Long> agendaItemIds) {
        return store.anyOn(meeting, agendaItemIds) ? Optional.of("discussion.speakers.error.itemHasSpeakers")
                : Optional.empty();
    }
}
