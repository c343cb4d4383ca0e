package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;

/**
 * New text for one part of the narrative.
 *
 * @param text the guests, the agenda item's content, or the other matters
 * @param speakers who spoke on the agenda item and what they said; ignored for other parts
 * @param conclusion the chair's conclusion on the agenda item; ignored for other parts
 */
public record NarrativeEdit(NarrativePart part, @Nullable String text, @Nullable String speakers,
        @Nullable String conclusion) {
}
