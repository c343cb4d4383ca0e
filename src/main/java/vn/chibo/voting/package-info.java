/**
 * Open votes on the motions of a meeting: the chair opens and closes a vote, eligible members
 * present cast one ballot each, and the result is frozen against the denominator when the vote closes.
 */
@NullMarked
package vn.chibo.voting;

import org.jspecify.annotations.NullMarked;
