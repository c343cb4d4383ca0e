package vn.chibo.minutes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The minutes as drafted from a closed meeting, before they are stored.
 *
 * @param items the agenda items in order, with empty notes
 */
record MinutesDraft(String committeeName, String cellName, String placeAndDate, String title, MinutesFacts facts,
        List<MinutesItem> items, @Nullable String chairName, @Nullable String minuteTakerName) {
}
