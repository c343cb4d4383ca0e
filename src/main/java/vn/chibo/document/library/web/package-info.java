/** The library's pages, file downloads and JSON API. */
@NullMarked
package vn.chibo.document.library.web;

import org.jspecify.annotations.NullMarked;
