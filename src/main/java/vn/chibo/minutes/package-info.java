/**
 * The minutes of each meeting: drafted in the official form when the meeting closes, with the parts
 * derived from the meeting's data frozen, their narrative written by the minute taker or whoever runs
 * the cell, approved by the chair and the minute taker, corrected after approval only as a new
 * version with a reason, and exported as PDF and DOCX. Also the meeting's resolution, drafted with
 * the minutes and issued with a number per cell and year.
 */
@NullMarked
package vn.chibo.minutes;

import org.jspecify.annotations.NullMarked;
