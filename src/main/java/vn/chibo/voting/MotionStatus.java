package vn.chibo.voting;

public enum MotionStatus {
    /** Members present may cast their ballot; the figures stay hidden. */
    OPEN,
    /** The figures are frozen and shown to everyone who may see the meeting. */
    CLOSED
}
