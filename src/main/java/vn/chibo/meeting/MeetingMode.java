package vn.chibo.meeting;

public enum MeetingMode {
    /** Trực tiếp: everyone in the room. */
    IN_PERSON,
    /** Trực tuyến: everyone through the online link. */
    ONLINE,
    /** Kết hợp: in the room and online at once. */
    HYBRID;

    public boolean hasPlace() {
        return this != ONLINE;
    }

    public boolean hasOnlineLink() {
        return this != IN_PERSON;
    }
}
