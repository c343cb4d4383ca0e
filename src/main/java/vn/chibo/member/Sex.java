package vn.chibo.member;

/** A member's sex as the roster records it. */
public enum Sex {
    MALE, FEMALE;

    /** Returns the message key of the value's name in the user's language. */
    public String messageKey() {
        return "member.sex." + name();
    }
}
