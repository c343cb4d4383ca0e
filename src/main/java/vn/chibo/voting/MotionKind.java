package vn.chibo.voting;

/** What a motion decides, which sets the share of the denominator it needs. */
public enum MotionKind {
    /** Thông qua nghị quyết: passes with more than half of the denominator in favour. */
    RESOLUTION
}
