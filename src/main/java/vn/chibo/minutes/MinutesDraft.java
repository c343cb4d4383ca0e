package vn.chibo.minutes;

import org.jspecify.annotations.Nullable;

/** The minutes as drafted from a closed meeting, before they are stored. */
record MinutesDraft(String committeeName, String cellName, String placeAndDate, String title, String body,
        @Nullable String chairName, @Nullable String minuteTakerName) {
}
