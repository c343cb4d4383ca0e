package vn.chibo.member;

/** Where and whether a member takes part in party activity. */
public enum ActivityStatus {
    /** Đang sinh hoạt: takes part in this cell. */
    ACTIVE,
    /** Miễn công tác và sinh hoạt đảng: exempt (old or ill); may attend and then vote. */
    EXEMPT,
    /** Sinh hoạt tạm thời nơi khác: active in another unit for a while, and votes there. */
    SENT_OUT,
    /** Sinh hoạt tạm thời tại chi bộ này: from another unit, active here for a while. */
    ATTACHED_IN,
    /** Đình chỉ sinh hoạt: suspended; does not count toward votes. */
    SUSPENDED;

    /** Returns whether the member is active in a unit other than the one that keeps the record. */
    public boolean isAway() {
        return this == SENT_OUT || this == ATTACHED_IN;
    }

    /** Returns the message key of the value's name in the user's language. */
    public String messageKey() {
        return "member.activity." + name();
    }
}
