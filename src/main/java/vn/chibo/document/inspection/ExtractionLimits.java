package vn.chibo.document.inspection;

/**
 * The limits that keep text extraction within bounded memory, disk and time.
 *
 * @param maxTextLength the most characters of text kept from one document
 * @param maxPages the most pages of a PDF whose text is extracted; later pages are not read
 * @param maxScratchBytes the most bytes PDFBox may write to its temporary file while it decodes a PDF;
 *        a PDF that needs more is refused as a decompression bomb
 * @param maxInflatedBytes the maximum number of bytes unpacked from all the parts of one DOCX, XLSX, ODT or ODS
 *        together, or decoded from the content streams of a PDF's pages; a file that contains more is
 *        refused as a decompression bomb
 * @param maxPixels the largest number of pixels (width times height) that an image may declare
 */
public record ExtractionLimits(int maxTextLength, int maxPages, long maxScratchBytes, long maxInflatedBytes,
        long maxPixels) {

    /** The maximum number of characters of a PDF's first page that the secret-stamp check reads. */
    static final int FIRST_PAGE_LENGTH = 20_000;

    /**
     * The characters that count as the first page of a format without reliable page breaks (a DOCX
     * that Word did not lay out, an ODT or ODS): about one printed A4 page of text.
     */
    static final int FIRST_PAGE_GUESS_LENGTH = 4_000;
}
