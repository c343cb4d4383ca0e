package vn.chibo.document.inspection;

import vn.chibo.system.VietnameseText;

/**
 * Collects extracted text a paragraph at a time, each paragraph cleaned with
 * {@link VietnameseText#clean} and put on its own line, up to a maximum number of characters.
 * Past the maximum it drops the rest and reports itself full, so that a parser can stop early.
 */
final class TextCollector {

    private final int maxLength;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder paragraph = new StringBuilder();
    private boolean full;

    TextCollector(int maxLength) {
        this.maxLength = maxLength;
    }

    void append(char[] characters, int start, int length) {
        if (full) {
            return;
        }
        // One paragraph may be longer than the whole text may be, as in a bomb made of one character.
        int room = Math.max(0, maxLength - paragraph.length());
        paragraph.append(characters, start, Math.min(length, room));
    }

    void append(String characters) {
        append(characters.toCharArray(), 0, characters.length());
    }

    void space() {
        if (!full && paragraph.length() < maxLength) {
            paragraph.append(' ');
        }
    }

    void endParagraph() {
        if (full) {
            return;
        }
        String cleaned = VietnameseText.clean(paragraph.toString());
        paragraph.setLength(0);
        if (cleaned.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(cleaned);
        if (text.length() >= maxLength) {
            text.setLength(maxLength);
            // A cut between the two halves of a surrogate pair would leave half a character.
            if (Character.isHighSurrogate(text.charAt(maxLength - 1))) {
                text.setLength(maxLength - 1);
            }
            full = true;
        }
    }

    boolean isFull() {
        return full;
    }

    /** Returns the text collected so far, with any unfinished paragraph ended. */
    String text() {
        endParagraph();
        return text.toString();
    }
}
