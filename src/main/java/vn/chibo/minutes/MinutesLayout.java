package vn.chibo.minutes;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The printed form of minutes or of a resolution, shared by the page, the PDF and the DOCX: the
 * two-column header, the title, the body in the order of the official form, and the two signature
 * blocks, with the form's fixed wording in Vietnamese. The body is a list of blocks. A block that shows a part of the
 * narrative names that part, so that the page can put its edit form right below it.
 *
 * @param committee the superior committee, top left; empty if the cell has none
 * @param number the document's number below the cell, such as "Số 03-NQ/CB", or null for none
 * @param party the party's name, top right
 * @param heading the document type, "BIÊN BẢN" or "NGHỊ QUYẾT"
 * @param draftMark a line saying the document is not approved or issued yet, or null once it is
 * @param left the minute taker's signature block, or an empty one on a resolution
 * @param right the chair's signature block, or the one who signs a resolution for the cell
 */
public record MinutesLayout(String committee, String cell, @Nullable String number, String party, String placeAndDate, String heading,
        String title, @Nullable String draftMark, List<Block> blocks, Signature left, Signature right) {

    public MinutesLayout {
        blocks = List.copyOf(blocks);
    }

    /** Returns the two signature blocks from left to right. */
    public List<Signature> signatures() {
        return List.of(left, right);
    }

    /** Returns the paragraphs of all blocks in order, as the exports print them. */
    public List<Paragraph> paragraphs() {
        return blocks.stream().flatMap(block -> block.paragraphs().stream()).toList();
    }

    /**
     * A run of paragraphs that belong together.
     *
     * @param part the narrative part the block shows, or null for a block of generated text
     */
    public record Block(@Nullable NarrativePart part, List<Paragraph> paragraphs) {

        public Block {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** One paragraph of the body and how it is set. */
    public record Paragraph(String text, Style style) {

        public boolean heading() {
            return style != Style.TEXT;
        }
    }

    /** The setting of a paragraph: section headings and agenda item titles in bold, the rest as plain text. */
    public enum Style {
        SECTION, ITEM, TEXT
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
            return new MinutesLayout(minutes.committeeName(), minutes.cellName(), null, text("minutes.form.party"),
                    minutes.placeAndDate(), text("minutes.form.heading"), minutes.title(),
                    minutes.isApproved() ? null : text("minutes.form.draftMark"), blocks(minutes),
                    new Signature(text("minutes.form.minuteTaker"), hint, nameOrBlank(minutes.minuteTakerName())),
                    new Signature(text("minutes.form.chair"), hint, nameOrBlank(minutes.chairName())));
        }

        /**
         * Lays out a resolution: the header with its number, "NGHỊ QUYẾT" and the meeting's title, the
         * decisions one paragraph a line, and one signature block on the right for the cell.
         */
        MinutesLayout of(Resolution resolution) {
            String number = resolution.numberText();
            List<Paragraph> paragraphs = lines(resolution.decisions()).stream()
                    .map(line -> new Paragraph(line, Style.TEXT))
                    .toList();
            String placeAndDate = resolution.placeAndDate() != null ? resolution.placeAndDate()
                    : text("minutes.resolution.form.placeAndDateBlank", resolution.locality());
            return new MinutesLayout(resolution.committeeName(), resolution.cellName(),
                    text(number == null ? "minutes.resolution.form.numberBlank" : "minutes.resolution.form.number",
                            number),
                    text("minutes.form.party"), placeAndDate, text("minutes.resolution.form.heading"),
                    resolution.title(), resolution.isIssued() ? null : text("minutes.resolution.form.draftMark"),
                    List.of(new Block(null, paragraphs)), new Signature("", "", ""),
                    new Signature(text("minutes.resolution.form.signer"), text("minutes.form.signatureHint"),
                            nameOrBlank(resolution.signerName())));
        }

        /**
         * Lays out the body in the order of the official form. Time and place, chair and minute taker,
         * guests and attendance come first. Each agenda item follows with its content, speakers and
         * conclusion, then other matters if any were written, each vote with its figures, and the
         * closing time.
         */
        private List<Block> blocks(Minutes minutes) {
            MinutesFacts facts = minutes.facts();
            MinutesNarrative narrative = minutes.narrative();
            var blocks = new ArrayList<Block>();
            blocks.add(generated("minutes.draft.opening.heading", facts.opening()));
            blocks.add(generated("minutes.draft.people.heading", facts.people()));
            blocks.add(new Block(NarrativePart.GUESTS,
                    labelled("minutes.draft.people.guests", narrative.guests())));
            blocks.add(generated("minutes.draft.attendance.heading", facts.attendance()));
            blocks.add(generated("minutes.draft.agenda.heading", List.of()));
            for (MinutesItem item : narrative.items()) {
                blocks.add(new Block(item.part(), item(item)));
            }
            blocks.add(new Block(NarrativePart.OTHER_MATTERS, narrative.otherMatters().isEmpty() ? List.of()
                    : labelled("minutes.draft.otherMatters", narrative.otherMatters())));
            blocks.add(generated("minutes.draft.votes.heading", facts.votes()));
            blocks.add(new Block(null, List.of(new Paragraph(facts.closing(), Style.TEXT))));
            return blocks;
        }

        private Block generated(String headingKey, List<String> lines) {
            var paragraphs = new ArrayList<Paragraph>();
            paragraphs.add(new Paragraph(text(headingKey), Style.SECTION));
            lines.forEach(line -> paragraphs.add(new Paragraph(line, Style.TEXT)));
            return new Block(null, paragraphs);
        }

        private List<Paragraph> item(MinutesItem item) {
            var paragraphs = new ArrayList<Paragraph>();
            paragraphs.add(new Paragraph(text("minutes.draft.agenda.item", item.number(), item.title()), Style.ITEM));
            if (item.description() != null) {
                paragraphs.add(new Paragraph(item.description(), Style.TEXT));
            }
            paragraphs.addAll(labelled("minutes.draft.agenda.content", item.content()));
            if (item.speakers().isEmpty()) {
                paragraphs.add(new Paragraph(text("minutes.draft.agenda.speakersNone", blank()), Style.TEXT));
            }
            else {
                paragraphs.add(new Paragraph(text("minutes.draft.agenda.speakers"), Style.TEXT));
                lines(item.speakers()).forEach(line -> paragraphs.add(new Paragraph(line, Style.TEXT)));
            }
            paragraphs.addAll(labelled("minutes.draft.agenda.conclusion", item.conclusion()));
            return paragraphs;
        }

        /**
         * Returns the written text after its label: the first paragraph on the label's line and the
         * others below it, or a dotted line to write on by hand when nothing is written.
         */
        private List<Paragraph> labelled(String labelKey, String written) {
            List<String> lines = lines(written);
            var paragraphs = new ArrayList<Paragraph>();
            paragraphs.add(new Paragraph(text(labelKey, lines.isEmpty() ? blank() : lines.getFirst()), Style.TEXT));
            lines.stream().skip(1).forEach(line -> paragraphs.add(new Paragraph(line, Style.TEXT)));
            return paragraphs;
        }

        private static List<String> lines(String text) {
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        private String blank() {
            return text("minutes.draft.blank");
        }

        private static String nameOrBlank(@Nullable String name) {
            return name == null ? "" : name;
        }

        private String text(String key, Object... arguments) {
            return messages.getMessage(key, arguments, MinutesDrafter.VIETNAMESE);
        }
    }
}
