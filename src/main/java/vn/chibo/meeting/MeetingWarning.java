package vn.chibo.meeting;

/** Something about a meeting that the secretary should know, but that does not stop it. */
public enum MeetingWarning {
    /** Planned shorter than the usual minimum of 90 minutes. */
    SHORTER_THAN_USUAL,
    /** Published less than a day before it starts, so members get its documents late. */
    PUBLISHED_LATE;

    public String messageKey() {
        return "meeting.warning." + name();
    }
}
