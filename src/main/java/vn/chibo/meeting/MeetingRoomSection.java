package vn.chibo.meeting;

import vn.chibo.account.Actor;

/**
 * Another module's live part of a meeting room, such as the votes or the speaker list. The meeting
 * page and the projector each show it in a region of their own and fetch it again from
 * {@code /meetings/{id}/parts/{part}} (or {@code /meetings/{id}/projector/parts/{part}}) whenever a
 * {@link MeetingRoomChanged} names its {@link #part()}. The template that {@link #template()} names contains
 * two fragments: {@code room} for the meeting page and {@code projector} for the room's screen, each
 * reading the variables {@code meeting} and {@code view} (what {@link #view} returned). Neither fragment
 * may contain a form field, because a refresh replaces it while a member may be typing.
 */
public interface MeetingRoomSection {

    /** Returns the part whose events refresh this section; at most one section per part. */
    MeetingRoomChanged.Part part();

    /** Returns the Thymeleaf template that contains the fragments {@code room} and {@code projector}. */
    String template();

    /** Returns what the fragments read for the actor on this meeting. */
    Object view(Actor actor, Meeting meeting);

    /**
     * Returns whether the meeting page draws this section. A section shown only on the projector says
     * no, so that the page neither builds its view nor fetches an empty fragment on every event.
     */
    default boolean onMeetingPage() {
        return true;
    }
}
