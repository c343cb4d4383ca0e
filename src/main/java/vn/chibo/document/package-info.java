/**
 * Documents and the files behind them. For now: the {@link vn.chibo.document.FileStore} that every
 * module keeps uploaded files in.
 */
@NullMarked
package vn.chibo.document;

import org.jspecify.annotations.NullMarked;
