package vn.chibo.meeting;

import java.util.Optional;
import java.util.Set;

/**
 * Lets another module keep an agenda item that holds its data, such as members' opinions, from being
 * removed when the meeting is revised. Every bean of this type is asked before a revision is saved.
 */
public interface AgendaItemGuard {

    /**
     * Returns the message key of the reason the items may not be removed, or empty if they may.
     *
     * @param agendaItemIds the ids of the items that the revision removes, never empty
     */
    Optional<String> reasonNotToRemove(MeetingId meeting, Set<Long> agendaItemIds);
}
