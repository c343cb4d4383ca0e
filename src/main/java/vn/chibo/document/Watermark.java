package vn.chibo.document;

import java.time.Instant;

/**
 * The reader's mark that {@link PdfWatermarker} prints on every page of a served internal document.
 *
 * @param readerName the reader's full name, such as "Nguyễn Văn An"
 * @param readerNumber the reader's party card number, or another number that identifies the reader
 * @param at when the copy was served; printed in the configured zone ({@code chibo.zone})
 */
public record Watermark(String readerName, String readerNumber, Instant at) {
}
