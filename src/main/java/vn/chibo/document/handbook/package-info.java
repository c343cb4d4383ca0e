/**
 * The Electronic Party Member Handbook (sổ tay đảng viên điện tử): guidance pages written by the team in
 * Vietnamese, English and German, which system administrators edit as Markdown, and each account's private
 * bookmarks and notes on them.
 */
@NullMarked
package vn.chibo.document.handbook;

import org.jspecify.annotations.NullMarked;
