package vn.chibo.member;

/** What a step in a member's status history records. */
public enum StatusChangeKind {
    /** The status the member had when first recorded on the platform. */
    RECORDED,
    /** A status written by a roster import. */
    IMPORTED,
    /** A decision that changed the membership or activity status, such as recognition as official. */
    STATUS,
    /** Sent to be active for a while in another unit (sinh hoạt tạm thời nơi khác). */
    SENT_OUT,
    /** Back in the own cell after a time in another unit. */
    RETURNED,
    /** Moved for good to another cell, whose roster keeps the record from then on. */
    TRANSFERRED;

    /** Returns the message key of the value's name in the user's language. */
    public String messageKey() {
        return "member.history.kind." + name();
    }
}
