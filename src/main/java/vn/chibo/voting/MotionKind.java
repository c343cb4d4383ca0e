package vn.chibo.voting;

/**
 * What a motion decides, which sets the share of the denominator it needs and whether it concerns
 * one person. Elections and discipline votes are always secret and their ballots list options.
 */
public enum MotionKind {
    /** Thông qua nghị quyết: passes with more than half of the denominator in favour. */
    RESOLUTION(VoteThreshold.MORE_THAN_HALF),
    /** Kết nạp đảng viên: an applicant who is not on the roster yet; needs at least two thirds. */
    ADMISSION(VoteThreshold.TWO_THIRDS),
    /** Công nhận đảng viên chính thức: a probationary member of the cell; needs at least two thirds. */
    RECOGNITION(VoteThreshold.TWO_THIRDS),
    /**
     * Bầu cử: one round of an election of n of m candidates. A candidate needs more than half; the
     * most votes among those who have it take the seats ({@link ElectionCount}).
     */
    ELECTION(VoteThreshold.MORE_THAN_HALF),
    /**
     * Biểu quyết kỷ luật: the penalty for one member of the cell, each penalty with its own threshold
     * ({@link DisciplineThresholds}, {@link DisciplineCount}).
     */
    DISCIPLINE(VoteThreshold.MORE_THAN_HALF);

    private final VoteThreshold threshold;

    MotionKind(VoteThreshold threshold) {
        this.threshold = threshold;
    }

    public VoteThreshold threshold() {
        return threshold;
    }

    /** Returns whether a motion of this kind decides about one named person, one person per motion. */
    public boolean concernsPerson() {
        return this == ADMISSION || this == RECOGNITION || this == DISCIPLINE;
    }

    /**
     * Returns whether the ballot lists options to mark (candidates or penalties) instead of for,
     * against and abstain. Such votes are always secret (rules 8 and 10).
     */
    public boolean listsOptions() {
        return this == ELECTION || this == DISCIPLINE;
    }

    public String messageKey() {
        return "voting.kind." + name();
    }
}
