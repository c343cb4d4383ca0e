package vn.chibo.meeting;

import java.io.InputStream;

import vn.chibo.document.StoredFile;
import vn.chibo.document.Watermark;

/**
 * A meeting document opened for one reader, whose download is already recorded in the audit trail.
 *
 * Meeting papers are internal to the cell, so a PDF among them is served stamped with the reader's mark.
 *
 * @param content the file's bytes; the caller closes the stream
 * @param mark the reader's name, number and the time, to stamp on every page of a PDF
 */
public record DocumentDownload(StoredFile file, InputStream content, Watermark mark) {
}
