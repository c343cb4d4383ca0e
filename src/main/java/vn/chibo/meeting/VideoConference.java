package vn.chibo.meeting;

import java.net.URI;

import vn.chibo.member.MemberId;

/**
 * A video conferencing service that hosts the online part of meetings, such as Jitsi Meet or
 * BigBlueButton. The meeting module declares this port and the {@code video} module implements it for
 * the provider chosen in {@code chibo.video.provider}. Without an implementation, joining online opens
 * the link stored with the meeting.
 */
public interface VideoConference {

    /** Returns the provider's name for logs and audit entries, such as {@code jitsi}. */
    String provider();

    /** Returns the room that the provider hosts the meeting in. It is the same for every call. */
    Room room(Meeting meeting);

    /**
     * Returns the address that lets the participant into the meeting's room, creating the room at the
     * provider first where the provider needs that. The address may carry the participant's display
     * name and credentials, so it goes to that participant only and is never logged.
     *
     * @throws VideoConferenceUnavailable when the provider cannot be reached or refuses the room
     */
    URI joinAddress(Meeting meeting, Participant participant);

    /**
     * Returns whether the provider reports joins and leaves back to the product, which then records
     * the time each member spent in the room.
     */
    boolean reportsAttendance();

    /**
     * A meeting's room at the provider.
     *
     * @param name the room's name at the provider, derived from the meeting with a secret key so that
     *        nobody can guess it from the meeting's id
     * @param title the name that the provider shows for the room
     */
    record Room(String name, String title) {
    }

    /**
     * A member who joins the room.
     *
     * @param displayName the name that the other participants see
     * @param moderator whether the member may moderate the room: the chair and those who run the cell
     */
    record Participant(MemberId member, String displayName, boolean moderator) {
    }
}
