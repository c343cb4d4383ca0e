package vn.chibo.meeting.live;

import vn.chibo.meeting.MeetingRoomChanged;

/**
 * One stored change of a meeting room, as the live channel sends it.
 *
 * @param id the global, increasing id that pages send back as {@code Last-Event-ID}
 */
record LiveEvent(long id, long meetingId, MeetingRoomChanged.Part part) {

    /** Returns the notification payload "id:meetingId:PART", which contains no person, choice or figure. */
    String payload() {
        return id + ":" + meetingId + ":" + part.name();
    }

    /** Reads a payload written by {@link #payload()}. */
    static LiveEvent parse(String payload) {
        String[] fields = payload.split(":", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("A live event payload has three fields, not: " + payload);
        }
        return new LiveEvent(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                MeetingRoomChanged.Part.valueOf(fields[2]));
    }
}
