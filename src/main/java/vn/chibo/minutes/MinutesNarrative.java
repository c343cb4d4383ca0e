package vn.chibo.minutes;

import java.util.List;
import java.util.Optional;

/**
 * The parts of the minutes that people write: the guests, the notes on each agenda item and other
 * matters. An empty text is a part not written yet.
 *
 * @param guests the guests, one per line
 * @param items the agenda items in their order, numbered from 1
 * @param otherMatters matters raised outside the agenda
 */
public record MinutesNarrative(String guests, List<MinutesItem> items, String otherMatters) {

    public MinutesNarrative {
        items = List.copyOf(items);
    }

    public Optional<MinutesItem> item(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }

    /** Returns whether the narrative has this part: guests and other matters always, an agenda item if it exists. */
    public boolean has(NarrativePart part) {
        return part.kind() != NarrativePart.Kind.AGENDA_ITEM || item(part.itemNumber()).isPresent();
    }
}
