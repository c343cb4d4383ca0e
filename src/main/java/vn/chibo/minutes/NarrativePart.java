package vn.chibo.minutes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of the minutes' narrative that is edited on its own: the guests, one agenda item, or other
 * matters.
 *
 * @param itemNumber the agenda item's number, from 1, or 0 for the guests and other matters
 */
public record NarrativePart(Kind kind, int itemNumber) {

    public static final NarrativePart GUESTS = new NarrativePart(Kind.GUESTS, 0);
    public static final NarrativePart OTHER_MATTERS = new NarrativePart(Kind.OTHER_MATTERS, 0);

    private static final Pattern ITEM_CODE = Pattern.compile("item-([1-9][0-9]{0,3})");

    public enum Kind {
        GUESTS, AGENDA_ITEM, OTHER_MATTERS
    }

    public NarrativePart {
        if ((kind == Kind.AGENDA_ITEM) != (itemNumber > 0)) {
            throw new IllegalArgumentException("Only an agenda item has a number, from 1: " + kind + " " + itemNumber);
        }
    }

    public static NarrativePart agendaItem(int number) {
        return new NarrativePart(Kind.AGENDA_ITEM, number);
    }

    /** Returns the part a code names, or empty for a code that names none. */
    public static Optional<NarrativePart> parse(String code) {
        if (GUESTS.code().equals(code)) {
            return Optional.of(GUESTS);
        }
        if (OTHER_MATTERS.code().equals(code)) {
            return Optional.of(OTHER_MATTERS);
        }
        Matcher item = ITEM_CODE.matcher(code);
        return item.matches() ? Optional.of(agendaItem(Integer.parseInt(item.group(1)))) : Optional.empty();
    }

    /** Returns the code that names the part in addresses, page anchors and audit details, such as {@code item-2}. */
    public String code() {
        return switch (kind) {
            case GUESTS -> "guests";
            case AGENDA_ITEM -> "item-" + itemNumber;
            case OTHER_MATTERS -> "other-matters";
        };
    }

    public boolean isAgendaItem() {
        return kind == Kind.AGENDA_ITEM;
    }
}
