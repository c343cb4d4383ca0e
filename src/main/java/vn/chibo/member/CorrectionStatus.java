package vn.chibo.member;

/** Where a profile correction request stands. */
public enum CorrectionStatus {
    PENDING, APPROVED, REJECTED;

    public String messageKey() {
        return "member.correction.status." + name();
    }
}
