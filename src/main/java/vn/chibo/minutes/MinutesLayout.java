package vn.chibo.minutes;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printed form of minutes, shared by the PDF and DOCX exports: the two-column header, the
 * title, the body and the two signature blocks, with the form's fixed wording in Vietnamese.
 *
 * @param committee the superior committee, top left; empty if the cell has none
 * @param party the party's name, top right
 * @param heading the document type, "BIÊN BẢN"
 * @param draftMark a line saying the minutes are not approved yet, or null once they are
 * @param left the minute taker's signature block
 * @param right the chair's signature block
 */
public record MinutesLayout(String committee, String cell, String party, String placeAndDate, String heading,
        String title, @Nullable String draftMark, List<Minutes.Paragraph> paragraphs, Signature left,
        Signature right) {

    /** Returns the two signature blocks from left to right. */
    public List<Signature> signatures() {
        return List.of(left, right);
    }

    /** A signature block: the role in capitals, a hint on how to sign, and the name printed below. */
    public record Signature(String role, String hint, String name) {
    }

    /** Builds layouts from minutes with the wording of the Vietnamese {@code minutes} messages. */
    @Component
    static class Builder {

        private final MessageSource messages;

        Builder(MessageSource messages) {
            this.messages = messages;
        }

        MinutesLayout of(Minutes minutes) {
            String hint = text("minutes.form.signatureHint");
            return new MinutesLayout(minutes.committeeName(), minutes.cellName(), text("minutes.form.party"),
                    minutes.placeAndDate(), text("minutes.form.heading"), minutes.title(),
                    minutes.isApproved() ? null : text("minutes.form.draftMark"), minutes.paragraphs(),
                    new Signature(text("minutes.form.minuteTaker"), hint, nameOrBlank(minutes.minuteTakerName())),
                    new Signature(text("minutes.form.chair"), hint, nameOrBlank(minutes.chairName())));
        }

        private static String nameOrBlank(@Nullable String name) {
            return name == null ? "" : name;
        }

        private String text(String key) {
            return messages.getMessage(key, null, MinutesDrafter.VIETNAMESE);
        }
    }
}
