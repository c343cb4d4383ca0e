package vn.chibo.discussion;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.chibo.meeting.AgendaItemGuard;
import vn.chibo.meeting.MeetingId;

/**
 * Keeps an agenda item with opinions on the agenda, because removing it would hide what members
 * wrote. The secretary may rename or move the item instead, or its authors may withdraw their opinions.
 */
@Component
class OpinionAgendaGuard implements AgendaItemGuard {

    private final OpinionStore store;

    OpinionAgendaGuard(OpinionStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> reasonNotToRemove(MeetingId meeting, Set<Long> agendaItemIds) {
        return store.anyListedOn(meeting, agendaItemIds) ? Optional.of("discussion.error.itemHasOpinions")
                : Optional.empty();
    }
}
