package vn.chibo.meeting;

/** A member's place on the roll of one meeting. */
public enum AttendanceStatus {
    PRESENT_IN_PERSON,
    PRESENT_ONLINE,
    /** Absent with a reason that the cell approved. */
    ABSENT_EXCUSED,
    ABSENT_UNEXCUSED;

    public boolean isPresent() {
        return this == PRESENT_IN_PERSON || this == PRESENT_ONLINE;
    }
}
