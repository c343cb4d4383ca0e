/**
 * Members' opinions on the agenda items of a meeting: posted before and during the meeting, edited or
 * withdrawn by their author until it closes, marked as spoken by the chair, and written into the
 * minutes as the speakers of each item; and the speaker list of a meeting in progress, where members
 * present raise hands on the item under discussion and the chair orders the queue and grants turns.
 */
@NullMarked
package vn.chibo.discussion;

import org.jspecify.annotations.NullMarked;
