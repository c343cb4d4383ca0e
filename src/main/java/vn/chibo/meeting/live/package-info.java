/**
 * The live channel of a meeting's pages: Server-Sent Events that name the part of the room that
 * changed, fanned out across nodes through PostgreSQL notifications, with recent events kept for pages
 * that reconnect.
 */
@NullMarked
package vn.chibo.meeting.live;

import org.jspecify.annotations.NullMarked;
