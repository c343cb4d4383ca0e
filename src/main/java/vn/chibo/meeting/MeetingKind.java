package vn.chibo.meeting;

public enum MeetingKind {
    /** Sinh hoạt định kỳ: the monthly meeting. */
    REGULAR,
    /** Sinh hoạt chuyên đề: at least one a quarter, besides the monthly meeting. */
    THEMATIC,
    /** Sinh hoạt bất thường: called when needed. */
    EXTRAORDINARY
}
