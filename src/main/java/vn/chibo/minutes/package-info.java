/**
 * The minutes of each meeting: drafted in the official form when the meeting closes, written up by
 * the minute taker, approved by the chair and the minute taker, and exported as PDF and DOCX.
 */
@NullMarked
package vn.chibo.minutes;

import org.jspecify.annotations.NullMarked;
