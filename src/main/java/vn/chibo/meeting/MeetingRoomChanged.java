package vn.chibo.meeting;

/**
 * Something that the open pages of a meeting show has changed. The live channel tells every page which
 * part to fetch again; the event names the part only, never a person, a choice or a figure, so that it
 * can travel through PostgreSQL notifications and SSE without carrying anything secret.
 */
public record MeetingRoomChanged(MeetingId meetingId, Part part) {

    /** The parts of the meeting room that a page renders on its own and reloads when told. */
    public enum Part {
        /** The meeting's status: started, closed, cancelled. */
        STATE,
        /** Who is present in the room or online, and with it the quorum and pass threshold figures. */
        ATTENDANCE,
        /** Which agenda item is under discussion. */
        AGENDA,
        /** Raised hands, the order of speakers and who is speaking. */
        SPEAKERS,
        /** A vote opened, progressed (how many voted, never what) or closed. */
        VOTES,
        /** Opinions posted, edited, withdrawn or marked as spoken. */
        OPINIONS
    }
}
