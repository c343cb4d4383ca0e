/**
 * Video conferencing for online and hybrid meetings: Jitsi Meet or BigBlueButton, chosen in
 * {@code chibo.video.provider}, behind the meeting module's {@code VideoConference} port, and the
 * endpoint through which BigBlueButton reports joins and leaves.
 */
@NullMarked
package vn.chibo.video;

import org.jspecify.annotations.NullMarked;
