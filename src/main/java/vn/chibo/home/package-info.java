/**
 * The home page of each signed-in person and the overview page of a cell: what is coming up, what
 * waits for an answer, and where to go next.
 */
@NullMarked
package vn.chibo.home;

import org.jspecify.annotations.NullMarked;
