/**
 * Meetings of a cell: scheduling with an agenda and documents, publishing, members' answers, the
 * roll call, and the attendance figures that tell whether a resolution can pass.
 */
@NullMarked
package vn.chibo.meeting;

import org.jspecify.annotations.NullMarked;
