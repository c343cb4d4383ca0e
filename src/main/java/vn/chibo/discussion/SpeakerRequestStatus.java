package vn.chibo.discussion;

/** The stage of a request to speak: waiting in the queue, speaking, or one of the final outcomes. */
public enum SpeakerRequestStatus {
    /** In the queue of the item under discussion. */
    WAITING,
    /** Has the floor: the chair granted it and the turn has not ended. */
    SPEAKING,
    /** The turn ended. */
    HEARD,
    /** The member lowered the hand before getting the floor. */
    LOWERED,
    /** The chair declined the request. */
    DECLINED,
    /** The item stopped being under discussion, or the meeting closed, before the member got the floor. */
    NOT_HEARD;

    /** Returns whether the request is still in the queue or has the floor. */
    public boolean isOpen() {
        return this == WAITING || this == SPEAKING;
    }
}
