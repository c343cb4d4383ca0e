package vn.chibo.meeting;

/**
 * A change to something that the open pages of a meeting show. The live channel sends every page the
 * part to fetch again. The event names the part only, never a person, a choice or a figure, so it can
 * travel through PostgreSQL notifications and SSE without carrying anything secret.
 */
public record MeetingRoomChanged(MeetingId meetingId, Part part) {

    /** The parts of the meeting room that a page renders on its own and fetches again on an event. */
    public enum Part {
        /** The meeting's status: started, closed, cancelled. */
        STATE,
        /** The members present in the room or online, with the quorum and pass threshold figures. */
        ATTENDANCE,
        /** The agenda item under discussion. */
        AGENDA,
        /** Raised hands, the order of speakers and who is speaking. */
        SPEAKERS,
        /** A vote opened, progressed (how many voted, never what) or closed. */
        VOTES,
        /** Opinions posted, edited, withdrawn or marked as spoken. */
        OPINIONS
    }
}
