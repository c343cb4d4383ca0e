package vn.chibo.discussion.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.chibo.discussion.OpinionView;
import vn.chibo.meeting.AgendaItem;

/**
 * The opinions under the agenda items of a meeting page, as one reader sees them.
 *
 * @param open whether opinions may still be posted, edited and withdrawn
 * @param expandedItem the item whose list stays open however long it is, because the reader just acted on it
 * @param draft the text the reader sent for one item and that was not accepted, with the reason
 */
record AgendaDiscussion(long meetingId, boolean open, boolean canPost, boolean canMark,
        Map<Long, List<OpinionView>> byItem, @Nullable Long expandedItem, @Nullable Draft draft) {

    /** Lists longer than this start collapsed, so that the page stays short on a phone. */
    static final int COLLAPSE_AFTER = 3;

    public List<OpinionView> of(AgendaItem item) {
        return byItem.getOrDefault(item.id(), List.of());
    }

    public boolean expanded(AgendaItem item) {
        return of(item).size() <= COLLAPSE_AFTER || (item.id() != null && item.id().equals(expandedItem));
    }

    /** Returns the text to show in the item's form: the rejected draft for that item, else nothing. */
    public String draftFor(AgendaItem item) {
        return hasDraft(item) ? draft.text() : "";
    }

    public @Nullable String errorFor(AgendaItem item) {
        return hasDraft(item) ? draft.error() : null;
    }

    private boolean hasDraft(AgendaItem item) {
        return draft != null && Long.valueOf(draft.agendaItemId()).equals(item.id());
    }

    AgendaDiscussion expanding(long agendaItemId) {
        return new AgendaDiscussion(meetingId, open, canPost, canMark, byItem, agendaItemId, draft);
    }

    AgendaDiscussion withDraft(Draft rejected) {
        return new AgendaDiscussion(meetingId, open, canPost, canMark, byItem, rejected.agendaItemId(), rejected);
    }

    /** A text that was not accepted, with the error message to show beside the field. */
    record Draft(long agendaItemId, String text, String error) {
    }
}
