package vn.chibo.document.inspection;

import org.jspecify.annotations.Nullable;

/**
 * The text of a document.
 *
 * @param text the whole text, within the extraction's maximum length
 * @param firstPage the text of the first page, with the page headers where the format keeps them
 *        apart, where a secret stamp is printed
 * @param pageCount the number of pages of a PDF, or null
 */
public record ExtractedText(String text, String firstPage, @Nullable Integer pageCount) {

    static final ExtractedText NONE = new ExtractedText("", "", null);
}
