package vn.chibo.member;

/** The state of a profile correction request. */
public enum CorrectionStatus {
    PENDING, APPROVED, REJECTED;

    public String messageKey() {
        return "member.correction.status." + name();
    }
}
