package vn.chibo.minutes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The minutes and the resolution as drafted from a closed meeting, before they are stored.
 *
 * @param items the agenda items in order, with empty notes
 * @param locality the place the resolution prints before its date
 * @param decisions the draft text of the resolution, from the motions that passed
 */
record MinutesDraft(String committeeName, String cellName, String placeAndDate, String title, MinutesFacts facts,
        List<MinutesItem> items, @Nullable String chairName, @Nullable String minuteTakerName, String locality,
        String decisions) {
}
