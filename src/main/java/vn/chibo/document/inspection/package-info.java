/**
 * The checks of uploaded files: the type from the content, text extraction with limits against
 * decompression bombs, and the search for a secret stamp. {@link vn.chibo.document.DocumentInspector}
 * is the entry point; nothing here keeps any part of a file.
 */
@NullMarked
package vn.chibo.document.inspection;

import org.jspecify.annotations.NullMarked;
