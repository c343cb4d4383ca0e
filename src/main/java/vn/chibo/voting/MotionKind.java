package vn.chibo.voting;

/**
 * What a motion decides, which sets the share of the denominator it needs and whether it concerns
 * one person. Discipline and elections are decided by secret ballot and are not kinds of open vote.
 */
public enum MotionKind {
    /** Thông qua nghị quyết: passes with more than half of the denominator in favour. */
    RESOLUTION(VoteThreshold.MORE_THAN_HALF),
    /** Kết nạp đảng viên: an applicant who is not on the roster yet; needs at least two thirds. */
    ADMISSION(VoteThreshold.TWO_THIRDS),
    /** Công nhận đảng viên chính thức: a probationary member of the cell; needs at least two thirds. */
    RECOGNITION(VoteThreshold.TWO_THIRDS);

    private final VoteThreshold threshold;

    MotionKind(VoteThreshold threshold) {
        this.threshold = threshold;
    }

    public VoteThreshold threshold() {
        return threshold;
    }

    /** Returns whether a motion of this kind decides about one named person, one person per motion. */
    public boolean concernsPerson() {
        return this != RESOLUTION;
    }

    public String messageKey() {
        return "voting.kind." + name();
    }
}
