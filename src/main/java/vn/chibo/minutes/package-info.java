/**
 * The minutes of each meeting: drafted in the official form when the meeting closes, with the parts
 * derived from the meeting's data frozen, their narrative written by the minute taker or whoever runs
 * the cell, approved by the chair and the minute taker, and exported as PDF and DOCX.
 */
@NullMarked
package vn.chibo.minutes;

import org.jspecify.annotations.NullMarked;
