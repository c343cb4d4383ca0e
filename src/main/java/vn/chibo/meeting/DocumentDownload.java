package vn.chibo.meeting;

import java.io.InputStream;

import vn.chibo.document.StoredFile;

/**
 * A meeting document opened for one reader, whose download is already recorded in the audit trail.
 *
 * @param content the file's bytes; the caller closes the stream
 */
public record DocumentDownload(StoredFile file, InputStream content) {
}
