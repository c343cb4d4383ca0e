package vn.chibo.member;

/** Whether a member is official or still on probation (12 months from admission). */
public enum MembershipStatus {
    /** Đảng viên chính thức: may vote. */
    OFFICIAL,
    /** Đảng viên dự bị: attends and speaks, never votes. */
    PROBATIONARY;

    /** Returns the message key of the value's name in the user's language. */
    public String messageKey() {
        return "member.membership." + name();
    }
}
