/**
 * The document library of each organization: documents, their versions, where they were issued, read
 * receipts and the log of every access (issue 8, rules 13 and 14).
 */
@NullMarked
package vn.chibo.document.library;

import org.jspecify.annotations.NullMarked;
